"""Serves the Outlook add-in: task pane and on-send files, manifests, the NAA well-known file and /demo."""
