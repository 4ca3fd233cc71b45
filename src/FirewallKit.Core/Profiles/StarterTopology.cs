namespace FirewallKit.Core.Profiles;

/// <summary>The deployments <c>fwkit init</c> writes a starter profile for.</summary>
public enum StarterTopology
{
    Single,
    Cluster,

    /// <summary>A cluster whose servers each carry some of the product's roles.</summary>
    MultiServer,
}
