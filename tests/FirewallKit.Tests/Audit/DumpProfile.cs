namespace FirewallKit.Tests.Audit;

/// <summary>A firewall profile's state as a test dump records it.</summary>
internal sealed record DumpProfile(string Name, bool On = true, string Inbound = "Block", bool LocalRules = true);
