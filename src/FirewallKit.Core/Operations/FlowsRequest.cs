namespace FirewallKit.Core.Operations;

/// <summary>
/// <c>fwkit flows</c>: the deployment of <paramref name="Plan"/>, and for some hosts the file holding their real rules
/// (a dump, or anything <c>audit --rules</c> reads) instead of their plan.
/// </summary>
public sealed record FlowsRequest(PlanRequest Plan, IReadOnlyDictionary<string, string> RulesByHost);
