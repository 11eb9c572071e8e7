"""trajecten's HTML views, one module per part of the file; urls.py names them all."""
