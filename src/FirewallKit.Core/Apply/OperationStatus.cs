namespace FirewallKit.Core.Apply;

/// <summary>How an apply, verify, remove or rollback ended; the CLI maps each to a documented exit code.</summary>
public enum OperationStatus
{
    /// <summary>Changes were written, read back and verified.</summary>
    Applied,

    /// <summary>The firewall already matched; nothing was written.</summary>
    NoChanges,

    /// <summary>The changes were computed and shown; nothing was written.</summary>
    DryRun,

    /// <summary>verify: the firewall holds exactly the desired rules.</summary>
    InSync,

    /// <summary>verify: the firewall differs.</summary>
    Drift,

    /// <summary>The machine cannot be changed (not Windows, not elevated, service stopped, locked, backup not writable); nothing was written.</summary>
    Blocked,

    /// <summary>Writing failed, and the backup was restored and verified.</summary>
    RolledBack,

    /// <summary>Writing failed, and restoring the backup failed too: the backup file must be restored by hand.</summary>
    RollbackFailed,
}
