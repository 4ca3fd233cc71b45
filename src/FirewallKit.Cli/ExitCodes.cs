namespace FirewallKit.Cli;

/// <summary>fwkit's documented exit codes; installers branch on these.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>verify: the firewall differs from the plan.</summary>
    public const int Drift = 1;

    /// <summary>A profile, catalog or command line is invalid; nothing was changed.</summary>
    public const int InvalidInput = 2;

    /// <summary>The environment cannot apply rules (not Windows, not elevated, firewall service stopped, another apply running).</summary>
    public const int Environment = 3;

    /// <summary>Applying failed and the backup was restored.</summary>
    public const int ApplyFailedRolledBack = 4;

    /// <summary>Applying failed and restoring the backup failed too.</summary>
    public const int RollbackFailed = 5;

    /// <summary>A bug in fwkit; run with --verbose for the details.</summary>
    public const int InternalError = 10;

    /// <summary>The constant's name, for the log: "InvalidInput" says more than 2.</summary>
    public static string Name(int exitCode) => exitCode switch
    {
        Success => nameof(Success),
        Drift => nameof(Drift),
        InvalidInput => nameof(InvalidInput),
        Environment => nameof(Environment),
        ApplyFailedRolledBack => nameof(ApplyFailedRolledBack),
        RollbackFailed => nameof(RollbackFailed),
        InternalError => nameof(InternalError),
        _ => "unknown",
    };
}
