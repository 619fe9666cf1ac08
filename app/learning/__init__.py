"""Learning the directory from the tenant's sent mail: the job, its proposal, and the administrator's review."""
