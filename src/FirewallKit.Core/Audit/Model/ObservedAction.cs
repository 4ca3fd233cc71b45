namespace FirewallKit.Core.Audit;

/// <summary>What a rule does with the traffic it matches.</summary>
public enum ObservedAction
{
    Allow,
    Block,

    /// <summary>Allow authenticated IPsec peers even past block rules (netsh <c>bypass</c>, CIM AllowBypass).</summary>
    Bypass,
}
