"""The monitoring report of the Gemengde Commissie: asked for (by a user or the quarterly
schedule), built by a Celery job (gather → HTML → PDF → XLSX → store → notify), kept with
who asked, when and for what."""
