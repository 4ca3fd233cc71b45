namespace FirewallKit.Core.Evaluation;

/// <summary>What a rule, a default or a profile setting does to the traffic of one port in one profile.</summary>
public enum RuleEffectKind
{
    /// <summary>An allow rule lets these addresses in.</summary>
    LetsIn,

    /// <summary>An allow rule lets them in if a condition holds that the audit cannot decide (program, remote port, keyword, ...).</summary>
    MayLetIn,

    /// <summary>An allow rule matches, but block rules keep out every address it names.</summary>
    Overruled,

    /// <summary>A block rule keeps these addresses out.</summary>
    KeepsOut,

    /// <summary>A block rule keeps them out if a condition holds that the audit cannot decide.</summary>
    MayKeepOut,

    /// <summary>The profile's default inbound action (Block) decides for the addresses no rule matches.</summary>
    DefaultBlocks,

    /// <summary>The profile's default inbound action is Allow: every address no block rule keeps out gets in.</summary>
    DefaultAllows,

    /// <summary>The firewall profile is off: everything gets in.</summary>
    ProfileOff,

    /// <summary>The profile blocks all inbound connections, allow rules included (BlockInboundAlways).</summary>
    BlocksAllInbound,

    /// <summary>A rule for this port that Windows ignores here (disabled, other profile, local rule under Group Policy).</summary>
    Ignored,
}
