using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Evaluation;

/// <summary>A verdict and the firewall profiles (Domain, Private, Public) it holds for.</summary>
public sealed record ProfileVerdict(NetworkProfiles Profiles, ConnectionVerdict Verdict);
