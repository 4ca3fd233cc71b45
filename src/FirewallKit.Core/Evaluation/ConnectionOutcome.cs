namespace FirewallKit.Core.Evaluation;

/// <summary>What the firewall would do with one inbound connection.</summary>
public enum ConnectionOutcome
{
    Allowed,
    Blocked,

    /// <summary>
    /// The answer turns on a keyword (LocalSubnet, DNS, RPC, ...) that only the machine can resolve,
    /// so the rules alone cannot say; the reason names the rule and the keyword.
    /// </summary>
    DependsOnMachine,
}
