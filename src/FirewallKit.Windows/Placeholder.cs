namespace FirewallKit.Windows; internal static class Placeholder {}
