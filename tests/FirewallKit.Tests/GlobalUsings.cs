global using FirewallKit.Tests.Support;
global using NUnit.Framework;
