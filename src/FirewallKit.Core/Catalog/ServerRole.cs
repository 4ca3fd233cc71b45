namespace FirewallKit.Core.Catalog;

/// <summary>A kind of server in a multi-server deployment (PAS, PDS, ...), named in <c>peers:&lt;role&gt;</c> audiences.</summary>
public sealed record ServerRole(string Name, string Description);
