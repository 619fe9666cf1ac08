"""What the checks and incidents say about the rules and the directory: weekly figures for the admin console."""
