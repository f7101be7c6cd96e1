using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("HelpPoint.Board")]
[assembly: AssemblyDescription("HelpPoint ticket display firmware (ESP32, .NET nanoFramework)")]
[assembly: AssemblyProduct("HelpPoint")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: ComVisible(false)]
