namespace FirewallKit.Core.Catalog;

/// <summary>Ports above <see cref="Above"/> that the product opens briefly for local IPC; they get no rule.</summary>
public sealed record EphemeralRange(int Above, string Note);
