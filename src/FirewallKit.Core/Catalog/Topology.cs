namespace FirewallKit.Core.Catalog;

public enum Topology
{
    Single,
    Cluster,
}
