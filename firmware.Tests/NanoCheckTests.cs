#if !NANOFRAMEWORK_1_0
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HelpPoint.NanoCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// The nanoFramework compatibility check (firmware/HelpPoint.NanoCheck) as part of the test run:
    /// the firmware passes it, and it fails, naming file and line, on every kind of violation.
    /// .NET only: it runs Roslyn.
    /// </summary>
    [TestClass]
    public class NanoCheckTests
    {
        private static readonly string Root = NanoChecker.FindRepositoryRoot(AppContext.BaseDirectory);
        private static readonly string FixtureFolder = Path.Combine(Root, "firmware", "HelpPoint.NanoCheck", "Fixtures");

        [TestMethod]
        public void Core_both_device_apps_and_the_nano_test_project_pass_the_check()
        {
            IReadOnlyList<Finding> findings = new NanoChecker(Root).CheckAll();

            Assert.AreEqual(0, findings.Count, "the device cannot run this:" + Environment.NewLine + string.Join(Environment.NewLine, findings));
        }

        [TestMethod]
        public void Every_deliberate_violation_is_reported_on_its_own_line()
        {
            string file = Path.Combine(FixtureFolder, "Violations.cs");
            IReadOnlyList<Finding> findings = new NanoChecker(Root).CheckSources("fixture", new[] { file }, NanoChecker.CorePackages);

            List<(int Line, string Rule)> expected = Expectations(file);
            Assert.IsTrue(expected.Count >= 18, "fixture expectations: " + expected.Count);
            foreach ((int line, string rule) in expected)
            {
                Assert.IsTrue(
                    findings.Any(f => f.Line == line && f.Rule == rule && f.Path == "firmware/HelpPoint.NanoCheck/Fixtures/Violations.cs"),
                    $"expected {rule} on line {line}; found:{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
            }

            // Every device rule is exercised by the fixture.
            for (int n = 1; n <= 10; n++)
            {
                string rule = "NANO" + n.ToString("D3");
                Assert.IsTrue(expected.Any(e => e.Rule == rule), rule + " has no deliberate violation in the fixture");
            }
        }

        [TestMethod]
        public void Allowed_formats_and_plain_code_in_the_fixture_are_not_reported()
        {
            string file = Path.Combine(FixtureFolder, "Violations.cs");
            IReadOnlyList<Finding> findings = new NanoChecker(Root).CheckSources("fixture", new[] { file }, NanoChecker.CorePackages);
            var marked = new HashSet<int>(Expectations(file).Select(e => e.Line));

            // Compiler follow-ups of a marked violation are fine; anything on an unmarked line is a false alarm.
            Finding[] unexpected = findings.Where(f => !marked.Contains(f.Line) && f.Rule.StartsWith("NANO", StringComparison.Ordinal)).ToArray();
            Assert.AreEqual(0, unexpected.Length, string.Join(Environment.NewLine, (IEnumerable<Finding>)unexpected));
        }

        [TestMethod]
        public void Finding_names_file_line_and_rule_like_a_compiler()
        {
            string file = Path.Combine(FixtureFolder, "Violations.cs");
            Finding first = new NanoChecker(Root).CheckSources("fixture", new[] { file }, NanoChecker.CorePackages)
                .First(f => f.Rule == NanoRules.Generics);

            StringAssert.Matches(first.ToString(), new Regex(@"^firmware/HelpPoint\.NanoCheck/Fixtures/Violations\.cs\(\d+,\d+\): NANO001: generic"));
        }

        [TestMethod]
        public void Language_features_above_csharp_9_are_refused()
        {
            string file = Path.Combine(FixtureFolder, "CSharp10.cs");
            IReadOnlyList<Finding> findings = new NanoChecker(Root).CheckSources("fixture", new[] { file }, NanoChecker.CorePackages);

            foreach ((int line, string rule) in Expectations(file))
            {
                Assert.IsTrue(findings.Any(f => f.Line == line && f.Rule == rule), string.Join(Environment.NewLine, findings));
            }
        }

        [TestMethod]
        public void Dotnet_string_member_missing_from_the_real_nanoFramework_mscorlib_fails_with_file_and_line()
        {
            // The fixture's members are .NET's and not in the mscorlib the check compiles against (read from the DLL itself).
            Assert.IsNotNull(typeof(string).GetMethod("Replace", new[] { typeof(string), typeof(string) }));
            Assert.IsNotNull(typeof(string).GetMethod("IsNullOrWhiteSpace", new[] { typeof(string) }));
            List<string> nanoString = RealMscorlibMethods("System", "String");
            CollectionAssert.Contains(nanoString, "IndexOf", "the mscorlib read is not nanoFramework's: " + string.Join(", ", nanoString));
            CollectionAssert.DoesNotContain(nanoString, "Replace");
            CollectionAssert.DoesNotContain(nanoString, "IsNullOrWhiteSpace");
            Assert.AreEqual(0, RealMscorlibMethods("System", "Math").Count, "nanoFramework's mscorlib has no System.Math");

            string file = Path.Combine(FixtureFolder, "DotNetOnlyMembers.cs");
            IReadOnlyList<Finding> findings = new NanoChecker(Root).CheckSources("fixture", new[] { file }, NanoChecker.CorePackages);

            List<(int Line, string Rule)> expected = Expectations(file);
            Assert.AreEqual(3, expected.Count);
            foreach ((int line, string rule) in expected)
            {
                Assert.IsTrue(
                    findings.Any(f => f.Path == "firmware/HelpPoint.NanoCheck/Fixtures/DotNetOnlyMembers.cs" && f.Line == line && f.Rule == rule),
                    $"expected {rule} on line {line}; found:{Environment.NewLine}{Describe(findings)}");
            }

            Assert.AreEqual(expected.Count, findings.Count, Describe(findings));
            StringAssert.Matches(
                findings.Single(f => f.Rule == "CS1061").ToString(),
                new Regex(@"^firmware/HelpPoint\.NanoCheck/Fixtures/DotNetOnlyMembers\.cs\(10,\d+\): CS1061: 'string' does not contain a definition for 'Replace'"));
        }

        [TestMethod]
        public void Check_compiles_against_the_embedded_mscorlib_of_the_pinned_CoreLibrary()
        {
            Assert.AreEqual("1.17.11", StubLibrary.CoreLibraryVersion);
            using var copy = RepositoryCopy.Create(Root);
            copy.Replace("firmware/HelpPoint.Board/packages.config", "id=\"nanoFramework.CoreLibrary\" version=\"1.17.11\"", "id=\"nanoFramework.CoreLibrary\" version=\"1.17.12\"");
            copy.Replace(NanoChecker.BoardProject, "nanoFramework.CoreLibrary.1.17.11", "nanoFramework.CoreLibrary.1.17.12");

            IReadOnlyList<Finding> findings = new NanoChecker(copy.Root).CheckAll(compile: false);

            Assert.IsTrue(findings.Any(f => f.Path == "firmware/HelpPoint.Board/packages.config" && f.Message.Contains("not the version the check compiles against (1.17.11", StringComparison.Ordinal)), Describe(findings));
        }

        [TestMethod]
        public void Every_stub_file_names_its_package_at_the_pinned_version_and_the_source_commit_it_was_compared_with()
        {
            var pinned = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string project in new[] { NanoChecker.ButtonProject, NanoChecker.BoardProject, NanoChecker.TestProject })
            {
                string config = Path.Combine(Root, Path.GetDirectoryName(project), "packages.config");
                foreach (Match m in Regex.Matches(File.ReadAllText(config), "id=\"([^\"]+)\" version=\"([^\"]+)\""))
                {
                    pinned[m.Groups[1].Value] = m.Groups[2].Value;
                }
            }

            string stubs = Path.Combine(Root, "firmware", "HelpPoint.NanoCheck", "Stubs");
            string[] files = Directory.GetFiles(stubs, "*.cs", SearchOption.AllDirectories);
            Assert.IsTrue(files.Length >= 15, "stub files: " + files.Length);
            Assert.IsFalse(Directory.Exists(Path.Combine(stubs, "nanoFramework.CoreLibrary")), "mscorlib is the real one, not a stub");
            foreach (string file in files)
            {
                string package = Path.GetFileName(Path.GetDirectoryName(file));
                string header = string.Join("\n", File.ReadLines(file).TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)));
                Assert.IsTrue(pinned.ContainsKey(package), file + ": no device project pins " + package);
                StringAssert.StartsWith(header, "// Stub of " + package + " " + pinned[package] + " (", file);
                StringAssert.Matches(header, new Regex(@"github\.com/nanoframework/[\w.]+ at \S+.* \(commit [0-9a-f]{40}\)"), file);
            }
        }

        [TestMethod]
        public void Api_of_a_package_the_project_does_not_reference_fails()
        {
            using var temp = new TempTree();
            string file = temp.Write("UsesGpio.cs", "namespace X { public class Y { public void Z() { new System.Device.Gpio.GpioController(); } } }");

            IReadOnlyList<Finding> asCore = new NanoChecker(Root).CheckSources("core-like", new[] { file }, NanoChecker.CorePackages);
            IReadOnlyList<Finding> asApp = new NanoChecker(Root).CheckSources("app-like", new[] { file }, new[] { "nanoFramework.CoreLibrary", "nanoFramework.Runtime.Events", "nanoFramework.System.Device.Gpio" });

            Assert.IsTrue(asCore.Any(f => f.Rule == "CS0234"), string.Join(Environment.NewLine, asCore));
            Assert.AreEqual(0, asApp.Count, string.Join(Environment.NewLine, asApp));
        }

        [TestMethod]
        public void Dotnet_base_library_types_are_not_there_on_the_device()
        {
            using var temp = new TempTree();
            string file = temp.Write("UsesBcl.cs", "namespace X { public class Y { public object Z() { return System.IO.Path.GetTempPath() + System.Environment.MachineName; } } }");

            IReadOnlyList<Finding> findings = new NanoChecker(Root).CheckSources("bcl", new[] { file }, NanoChecker.CorePackages);

            Assert.IsTrue(findings.Count >= 2, string.Join(Environment.NewLine, findings));
        }

        [TestMethod]
        public void Reference_at_another_version_than_packages_config_is_reported()
        {
            using var copy = RepositoryCopy.Create(Root);
            copy.Replace("firmware/HelpPoint.Button/packages.config", "id=\"nanoFramework.System.Device.Gpio\" version=\"1.1.62\"", "id=\"nanoFramework.System.Device.Gpio\" version=\"1.1.57\"");

            IReadOnlyList<Finding> findings = new NanoChecker(copy.Root).CheckAll(compile: false);

            Assert.IsTrue(findings.Any(f => f.Path == NanoChecker.ButtonProject && f.Message.Contains("System.Device.Gpio", StringComparison.Ordinal)), Describe(findings));
        }

        [TestMethod]
        public void Same_package_at_two_versions_in_two_projects_is_reported()
        {
            using var copy = RepositoryCopy.Create(Root);
            copy.Replace("firmware/HelpPoint.Board/packages.config", "id=\"nanoFramework.M2Mqtt\" version=\"5.1.220\"", "id=\"nanoFramework.M2Mqtt\" version=\"5.1.221\"");
            copy.Replace(NanoChecker.BoardProject, "nanoFramework.M2Mqtt.5.1.220", "nanoFramework.M2Mqtt.5.1.221");

            IReadOnlyList<Finding> findings = new NanoChecker(copy.Root).CheckAll(compile: false);

            Assert.AreEqual(1, findings.Count, Describe(findings));
            StringAssert.Contains(findings[0].Message, "nanoFramework.M2Mqtt 5.1.221 differs from 5.1.220");
        }

        [TestMethod]
        public void Core_file_missing_from_an_app_project_is_reported()
        {
            using var copy = RepositoryCopy.Create(Root);
            copy.Write("firmware/HelpPoint.Core/Display/NewThing.cs", "namespace HelpPoint.Core { internal static class NewThing { } }");

            IReadOnlyList<Finding> findings = new NanoChecker(copy.Root).CheckAll(compile: false);

            Assert.IsTrue(findings.Any(f => f.Path == NanoChecker.ButtonProject && f.Message.Contains("Display/NewThing.cs", StringComparison.Ordinal)), Describe(findings));
            Assert.IsTrue(findings.Any(f => f.Path == NanoChecker.BoardProject && f.Message.Contains("Display/NewThing.cs", StringComparison.Ordinal)), Describe(findings));
            Assert.IsTrue(findings.Any(f => f.Path == NanoChecker.TestProject && f.Message.Contains("Display/NewThing.cs", StringComparison.Ordinal)), Describe(findings));
        }

        [TestMethod]
        public void Test_source_not_linked_into_the_nano_test_project_is_reported()
        {
            using var copy = RepositoryCopy.Create(Root);
            copy.Write("firmware.Tests/NewTests.cs", "namespace HelpPoint.Firmware.Tests { public class NewTests { } }");
            copy.Write("firmware.Tests/DotNetOnlyTests.cs", "#if !NANOFRAMEWORK_1_0\nnamespace HelpPoint.Firmware.Tests { public class DotNetOnlyTests { } }\n#endif\n");

            IReadOnlyList<Finding> findings = new NanoChecker(copy.Root).CheckAll(compile: false);

            Assert.IsTrue(findings.Any(f => f.Path == NanoChecker.TestProject && f.Message.Contains("firmware.Tests/NewTests.cs", StringComparison.Ordinal)), Describe(findings));
            Assert.IsFalse(findings.Any(f => f.Message.Contains("DotNetOnlyTests", StringComparison.Ordinal)), Describe(findings));
        }

        [TestMethod]
        public void Missing_runsettings_and_broken_project_xml_are_reported()
        {
            using var copy = RepositoryCopy.Create(Root);
            File.Delete(Path.Combine(copy.Root, "firmware.Tests", "nano", "nano.runsettings"));
            copy.Replace(NanoChecker.BoardProject, "</Project>", "</Projekt>");

            IReadOnlyList<Finding> findings = new NanoChecker(copy.Root).CheckAll(compile: false);

            Assert.IsTrue(findings.Any(f => f.Message.Contains("nano.runsettings is missing", StringComparison.Ordinal)), Describe(findings));
            Assert.IsTrue(findings.Any(f => f.Path == NanoChecker.BoardProject && f.Message.Contains("not valid XML", StringComparison.Ordinal)), Describe(findings));
        }

        [TestMethod]
        public void Violation_in_an_app_adapter_is_reported_in_its_file()
        {
            using var copy = RepositoryCopy.Create(Root);
            copy.Replace("firmware/HelpPoint.Board/Adapters/TftBoardDisplay.cs", "DisplayControl.Clear();", "DisplayControl.Clear(); var names = System.Enum.GetNames(typeof(BoardLineKind));");

            IReadOnlyList<Finding> findings = new NanoChecker(copy.Root).CheckProjectSources(NanoChecker.BoardProject);

            Assert.IsTrue(findings.Any(f => f.Path == "firmware/HelpPoint.Board/Adapters/TftBoardDisplay.cs" && f.Line > 0 && f.Rule == NanoRules.EnumNames), Describe(findings));
        }

        /// <summary>The names of the methods of one type in the real mscorlib the check embeds (none when the type is not there).</summary>
        private static List<string> RealMscorlibMethods(string ns, string name)
        {
            var result = new List<string>();
            using var pe = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(StubLibrary.RealMscorlib()));
            System.Reflection.Metadata.MetadataReader reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (System.Reflection.Metadata.TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                System.Reflection.Metadata.TypeDefinition type = reader.GetTypeDefinition(handle);
                if (reader.GetString(type.Namespace) == ns && reader.GetString(type.Name) == name)
                {
                    foreach (System.Reflection.Metadata.MethodDefinitionHandle method in type.GetMethods())
                    {
                        result.Add(reader.GetString(reader.GetMethodDefinition(method).Name));
                    }
                }
            }

            return result;
        }

        private static string Describe(IReadOnlyList<Finding> findings)
        {
            return findings.Count + " finding(s):" + Environment.NewLine + string.Join(Environment.NewLine, findings);
        }

        private static List<(int Line, string Rule)> Expectations(string file)
        {
            var result = new List<(int, string)>();
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                Match m = Regex.Match(lines[i], @"// expect: (\w+)\s*$");
                if (m.Success)
                {
                    result.Add((i + 1, m.Groups[1].Value));
                }
            }

            return result;
        }

        /// <summary>A temporary folder deleted on dispose.</summary>
        private class TempTree : IDisposable
        {
            public TempTree()
            {
                Root = Path.Combine(Path.GetTempPath(), "helppoint-nanocheck", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(Root);
            }

            public string Root { get; }

            public string Write(string relative, string text)
            {
                string path = Path.Combine(Root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                File.WriteAllText(path, text);
                return path;
            }

            public void Replace(string relative, string from, string to)
            {
                string path = Path.Combine(Root, relative);
                string text = File.ReadAllText(path);
                Assert.IsTrue(text.Contains(from, StringComparison.Ordinal), relative + " lacks '" + from + "'");
                File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
            }

            public void Dispose()
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, true);
                }
            }
        }

        /// <summary>A copy of the parts of the repository the check reads, to break on purpose.</summary>
        private sealed class RepositoryCopy : TempTree
        {
            private static readonly string[] Parts =
            {
                "firmware/HelpPoint.Core", "firmware/HelpPoint.Adapters", "firmware/HelpPoint.Button", "firmware/HelpPoint.Board",
                "firmware/HelpPoint.NanoCheck/Stubs", "firmware.Tests",
            };

            public static RepositoryCopy Create(string root)
            {
                var copy = new RepositoryCopy();
                File.WriteAllText(Path.Combine(copy.Root, "nanoFramework.sln"), string.Empty);
                foreach (string part in Parts)
                {
                    CopyFolder(Path.Combine(root, part), Path.Combine(copy.Root, part));
                }

                return copy;
            }

            private static void CopyFolder(string from, string to)
            {
                foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(from, file);
                    string first = relative.Split(Path.DirectorySeparatorChar)[0];
                    if (first is "bin" or "obj" or "TestResults")
                    {
                        continue;
                    }

                    string target = Path.Combine(to, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(target));
                    File.Copy(file, target);
                }
            }
        }
    }
}
#endif
