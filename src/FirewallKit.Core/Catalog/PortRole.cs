namespace FirewallKit.Core.Catalog;

/// <summary>What a port is for; it decides who may reach the port when nothing else says so.</summary>
public enum PortRole
{
    /// <summary>Reached by the clients the product serves.</summary>
    Client,

    /// <summary>Local IPC on a single server, clustering between the deployment's servers.</summary>
    Cluster,

    /// <summary>Used on the machine itself only; closed to the network.</summary>
    LocalIpc,

    /// <summary>Administration; open to the admin set only.</summary>
    Admin,

    /// <summary>Open only when its feature is switched on.</summary>
    Optional,
}
