namespace FirewallKit.Core.Plan;

/// <summary>What the plan does with one port.</summary>
public enum Decision
{
    /// <summary>Open to every address.</summary>
    Open,

    /// <summary>Open to the listed sources only.</summary>
    Restricted,

    /// <summary>Blocked from the network (loopback still works).</summary>
    Closed,

    /// <summary>No rule is written, and the reason says why.</summary>
    NoRule,
}
