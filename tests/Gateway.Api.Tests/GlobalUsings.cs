global using System.Net;
global using Xunit;
