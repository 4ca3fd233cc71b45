namespace FirewallKit.Tests.Windows.Fake;

/// <summary>
/// One call that reached the fake through a native vtable. <see cref="Commits"/> is true for the
/// calls that change the store when they succeed: Add, Remove, and any put on a rule in the store.
/// </summary>
public sealed record FakeCall(int Sequence, string Interface, string Member, string? RuleName, bool Commits)
{
    public bool IsPut => Member.StartsWith("put_", StringComparison.Ordinal);

    public override string ToString() => RuleName is null ? $"{Interface}.{Member}" : $"{Interface}.{Member} [{RuleName}]";
}
