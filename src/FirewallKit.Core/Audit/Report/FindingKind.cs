namespace FirewallKit.Core.Audit;

public enum FindingKind
{
    /// <summary>Addresses the plan does not intend can reach the port.</summary>
    WiderThanIntended,

    /// <summary>Addresses the plan intends cannot reach the port.</summary>
    NarrowerThanIntended,
}
