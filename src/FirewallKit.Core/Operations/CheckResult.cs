using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Operations;

/// <summary>The answer of <c>fwkit check</c>: the connection asked about, the rule set it was checked against, and the verdicts.</summary>
public sealed record CheckResult(ConnectionQuery Query, string RuleSource, int RuleCount, ValueList<ProfileVerdict> Verdicts);
