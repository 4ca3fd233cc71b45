namespace FirewallKit.Core.Catalog;

/// <summary>
/// One flow into a port: who connects (<see cref="From"/>, an audience such as <c>clients</c>,
/// <c>admins</c>, <c>peers</c> or <c>peers:pas</c>), under which condition, and a sentence
/// for the plan's reason column.
/// </summary>
public sealed record Reach(string From, string Flow, ReachCondition When);
