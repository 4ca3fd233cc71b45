namespace FirewallKit.Core.Apply;

/// <summary><c>fwkit verify</c>: compare the firewall with the profile's plan.</summary>
public sealed record VerifyRequest(string ProfilePath, string? CatalogPath);
