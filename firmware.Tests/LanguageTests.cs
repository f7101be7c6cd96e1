#if !NANOFRAMEWORK_1_0
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HelpPoint.Core;
using HelpPoint.NanoCheck;
using HelpPoint.PhraseRenderer;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// Issue 9: every visitor reads the help point in their own language. Runs the phrase renderer on
    /// the language files and holds the committed resources, pictures and docs to its output; checks
    /// that every phrase fits on each display, that every state composes without clipping in every
    /// language, that right-to-left screens are mirrored, and the flash budget. .NET only (it reads the
    /// repository and renders with HarfBuzz/Skia).
    /// </summary>
    [TestClass]
    public class LanguageTests
    {
        /// <summary>Flash budget per language per display (docs/languages.md).</summary>
        public const int LanguageBudgetBytes = 8 * 1024;

        /// <summary>Flash budget per resource file (docs/languages.md).</summary>
        public const int FileBudgetBytes = 96 * 1024;

        private const string Regenerate = "regenerate with: dotnet run --project firmware/tools/HelpPoint.PhraseRenderer";

        private static readonly string Root = NanoChecker.FindRepositoryRoot(AppContext.BaseDirectory);
        private static readonly Lazy<PhraseBuildOutput> Build = new(() => PhraseBuild.Run(Root));
        private static readonly string[] RequiredLanguages = new[] { "sv", "en", "ar", "fa", "so", "ti", "uk" };

        private static byte[] Committed(string path) => File.ReadAllBytes(Path.Combine(Root, path));

        private static PhraseResource CommittedResource(string file) =>
            PhraseResource.Open(new ByteArrayPhraseSource(Committed($"{PhraseBuild.ResourceFolder}/{file}")))
            ?? throw new AssertFailedException(file + " is not a phrase resource; " + Regenerate);

        [TestMethod]
        public void The_required_languages_each_have_an_editable_file()
        {
            foreach (string code in RequiredLanguages)
            {
                Assert.IsTrue(File.Exists(Path.Combine(Root, PhraseBuild.LanguagesFolder, code + ".json")), code + ".json is missing");
                Assert.IsTrue(Build.Value.Languages.Any(l => l.Code == code), code);
            }

            Assert.IsTrue(Build.Value.Languages.Single(l => l.Code == "ar").RightToLeft);
            Assert.IsTrue(Build.Value.Languages.Single(l => l.Code == "fa").RightToLeft);
            Assert.IsFalse(Build.Value.Languages.Single(l => l.Code == "ti").RightToLeft);
        }

        [TestMethod]
        public void Committed_resources_are_exactly_what_the_renderer_makes_from_the_language_files()
        {
            foreach (DisplayProfile display in DisplayProfile.All)
            {
                string path = $"{PhraseBuild.ResourceFolder}/{display.ResourceFile}";
                byte[] fresh = Build.Value.Files[path];
                CollectionAssert.AreEqual(fresh, Committed(path), $"{path} is stale: a phrase, a font or the layout changed; {Regenerate}");
            }
        }

        [TestMethod]
        public void Resource_digest_names_the_inputs_it_was_made_from()
        {
            using var compiler = new PhraseCompiler();
            IReadOnlyList<LanguageFile> languages = LanguageFile.LoadAll(Path.Combine(Root, PhraseBuild.LanguagesFolder));
            foreach (DisplayProfile display in DisplayProfile.All)
            {
                byte[] expected = compiler.InputDigest(display, languages);
                CollectionAssert.AreEqual(expected, CommittedResource(display.ResourceFile).Digest(), $"{display.ResourceFile} was made from other language files or fonts; {Regenerate}");
            }

            // The digest really depends on the phrases: one changed letter changes it.
            LanguageFile sv = languages.Single(l => l.Code == "sv");
            var edited = languages.Select(l => l.Code != "sv" ? l : new LanguageFile
            {
                Code = sv.Code,
                EnglishName = sv.EnglishName,
                RightToLeft = sv.RightToLeft,
                Font = sv.Font,
                HelpPointSize = sv.HelpPointSize,
                BoardSize = sv.BoardSize,
                Translation = sv.Translation,
                Reviewed = sv.Reviewed,
                Texts = sv.Texts,
                Source = sv.Source.Concat(new byte[] { (byte)' ' }).ToArray(),
            }).ToList();
            CollectionAssert.AreNotEqual(compiler.InputDigest(DisplayProfile.HelpPoint, languages), compiler.InputDigest(DisplayProfile.HelpPoint, edited));
        }

        [TestMethod]
        public void Pictures_and_languages_doc_are_exactly_what_the_renderer_makes()
        {
            int pictures = 0;
            foreach (var (path, bytes) in Build.Value.Files.Where(f => f.Key.StartsWith(PhraseBuild.PictureFolder, StringComparison.Ordinal)))
            {
                string full = Path.Combine(Root, path);
                Assert.IsTrue(File.Exists(full), path + " is missing; " + Regenerate);
                uint[] expected = ScreenGallery.Pixels(bytes, out int w, out int h);
                uint[] actual = ScreenGallery.Pixels(File.ReadAllBytes(full), out int cw, out int ch);
                Assert.AreEqual(w * 1000 + h, cw * 1000 + ch, path);
                CollectionAssert.AreEqual(expected, actual, path + " differs from the resources; " + Regenerate);
                pictures++;
            }

            Assert.AreEqual(RequiredLanguages.Length * (ScreenGallery.HelpPointSamples.Count + ScreenGallery.BoardSamples.Count), pictures);
            Assert.AreEqual(0, PhraseBuild.StalePictures(Root, Build.Value).Count(), "pictures no longer produced are still committed");

            string doc = File.ReadAllText(Path.Combine(Root, PhraseBuild.LanguagesDocPath)).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.AreEqual(System.Text.Encoding.UTF8.GetString(Build.Value.Files[PhraseBuild.LanguagesDocPath]), doc, "docs/languages.md (generated part) is stale; " + Regenerate);
            foreach (var (path, _) in Build.Value.Files.Where(f => f.Key.EndsWith(".png", StringComparison.Ordinal)))
            {
                StringAssert.Contains(doc, "(" + path["docs/".Length..] + ")", "docs/languages.md shows " + path);
            }
        }

        [TestMethod]
        public void Every_phrase_of_every_language_fits_its_area_on_each_display()
        {
            foreach (DisplayProfile display in DisplayProfile.All)
            {
                PhraseResource resource = CommittedResource(display.ResourceFile);
                Assert.AreEqual(display.Id, resource.Display);
                Assert.AreEqual(RequiredLanguages.Length, resource.LanguageCount);
                for (int l = 0; l < resource.LanguageCount; l++)
                {
                    string code = resource.LanguageCode(l);
                    for (int id = 0; id < Phrases.Count; id++)
                    {
                        string what = $"{code} {Phrases.Key(id)} on {display.Name}";
                        if (!Phrases.IsOn(id, display.Id))
                        {
                            Assert.IsFalse(resource.HasPhrase(l, id), what + " should not be in this resource");
                            continue;
                        }

                        Assert.IsTrue(resource.HasPhrase(l, id), what + " is missing");
                        for (int part = 0; part < 2; part++)
                        {
                            Assert.IsTrue(resource.PhraseWidth(l, id, part) <= display.ContentWidth, what + " is wider than the text area");
                            Assert.IsTrue(resource.PhraseHeight(l, id, part) <= display.MaxHeight(id), $"{what} is {resource.PhraseHeight(l, id, part)} px high, its area {display.MaxHeight(id)}");
                            Assert.IsTrue(resource.PhraseAscent(l, id, part) <= resource.PhraseHeight(l, id, part), what);
                        }

                        if (Phrases.Placeholder(id) == Phrases.NumberPlaceholder)
                        {
                            int width = PhraseLine.Measure(resource, l, id, display.WidestNumber, resource.TextFont);
                            Assert.IsTrue(width <= display.ContentWidth, $"{what} with {display.WidestNumber} is {width} px wide");
                        }
                    }
                }
            }
        }

        [TestMethod]
        public void Every_state_composes_in_every_language_inside_the_screen_without_overlap()
        {
            PhraseResource resource = CommittedResource(DisplayProfile.HelpPoint.ResourceFile);
            var composer = new HelpPointComposer(resource);
            var frame = new FrameBuffer(HelpPointLayout.Width, HelpPointLayout.Height);
            string[] tickets = new[] { "7", "17", "9999", "123456" };
            string[] hosts = new[] { null, "Sara", "Abdirahman", "Anna-Karin Lindqvist-Johansson", "Christopher-Alexander", "سارا", "Олена" };
            int[] positions = new[] { TicketMessage.None, 1, 2, 999, 5000 };
            int[] waits = new[] { TicketMessage.None, 0, 240, 604800 };
            int screens = 0;
            foreach (string code in RequiredLanguages)
            {
                for (int state = 0; state <= 9; state++)
                {
                    foreach (string ticket in tickets)
                    {
                        // Hosts matter only while assigned, place and wait only while queued.
                        string[] stateHosts = state == (int)HelpPointState.Assigned ? hosts : new string[] { "Sara" };
                        int[] statePositions = state == (int)HelpPointState.Queued ? positions : new[] { TicketMessage.None };
                        int[] stateWaits = state == (int)HelpPointState.Queued ? waits : new[] { TicketMessage.None };
                        foreach (string host in stateHosts)
                        {
                            foreach (int position in statePositions)
                            {
                                foreach (int wait in stateWaits)
                                {
                                    for (int feedback = 0; feedback <= 2; feedback++)
                                    {
                                        Screen screen = Screens.Build((HelpPointState)state, code, "sv", ticket, position, wait, host, feedback == 1, state == 0 ? code : null, (FeedbackPrompt)feedback);
                                        Assert.IsTrue(composer.Compose(screen, frame), code);
                                        AssertClean(composer.Pieces, frame, $"{code} {HelpPointStates.ToName((HelpPointState)state)} ticket {ticket} host {host} place {position} wait {wait}");
                                        screens++;
                                    }
                                }
                            }
                        }
                    }
                }
            }

            Assert.AreEqual(RequiredLanguages.Length * tickets.Length * 3 * (8 + hosts.Length + (positions.Length * waits.Length)), screens);
        }

        // Every piece lies inside the screen (the text area, or the dot's corner), no two overlap, every
        // lit pixel belongs to a piece, and only optional parts (a ticket on a notice screen) were dropped.
        private static void AssertClean(ScreenPieces pieces, FrameBuffer frame, string what)
        {
            Assert.IsTrue(pieces.Count > 0, what + ": nothing drawn");
            for (int i = 0; i < pieces.Count; i++)
            {
                int right = pieces.Kind(i) == ScreenPieces.OfflineDot ? HelpPointLayout.Width : HelpPointLayout.ContentWidth;
                Assert.IsTrue(pieces.X(i) >= 0 && pieces.Y(i) >= 0 && pieces.X(i) + pieces.Width(i) <= right && pieces.Y(i) + pieces.Height(i) <= HelpPointLayout.Height,
                    $"{what}: piece {i} at {pieces.X(i)},{pieces.Y(i)} {pieces.Width(i)}x{pieces.Height(i)} is clipped");
                for (int j = 0; j < i; j++)
                {
                    bool apart = pieces.X(i) + pieces.Width(i) <= pieces.X(j) || pieces.X(j) + pieces.Width(j) <= pieces.X(i)
                        || pieces.Y(i) + pieces.Height(i) <= pieces.Y(j) || pieces.Y(j) + pieces.Height(j) <= pieces.Y(i);
                    Assert.IsTrue(apart, $"{what}: pieces {j} and {i} overlap");
                }
            }

            int lit = frame.CountLit(0, 0, frame.Width, frame.Height);
            int inPieces = 0;
            for (int i = 0; i < pieces.Count; i++)
            {
                inPieces += frame.CountLit(pieces.X(i), pieces.Y(i), pieces.Width(i), pieces.Height(i));
            }

            Assert.AreEqual(lit, inPieces, what + ": pixels lit outside the pieces");
            Assert.IsTrue(pieces.Dropped <= 1, what + ": more than the optional ticket was left out");
            if (pieces.Dropped == 1)
            {
                Assert.AreEqual(-1, pieces.Find(ScreenPieces.TicketDigits, -1), what);
            }
        }

        [TestMethod]
        [DataRow("ar")]
        [DataRow("fa")]
        public void Right_to_left_screens_read_from_the_right_with_the_number_left_of_its_label(string code)
        {
            PhraseResource resource = CommittedResource(DisplayProfile.HelpPoint.ResourceFile);
            var composer = new HelpPointComposer(resource);
            var frame = new FrameBuffer(HelpPointLayout.Width, HelpPointLayout.Height);
            Assert.IsTrue(composer.Compose(Screens.Build(HelpPointState.Queued, code, "sv", "17", 3, 240, null, true, null, FeedbackPrompt.None), frame));
            ScreenPieces p = composer.Pieces;
            Assert.IsTrue(p.RightToLeft);

            // "رقم 17": the label starts the line at the right edge; the number follows to its left.
            int label = p.Find(ScreenPieces.PhrasePiece, Phrases.TicketLabel);
            int digits = p.Find(ScreenPieces.TicketDigits, -1);
            Assert.AreEqual(HelpPointLayout.ContentWidth, p.X(label) + p.Width(label), "the label sits at the right edge");
            Assert.IsTrue(p.X(digits) + p.Width(digits) < p.X(label), "the number is left of the label");
            Assert.IsTrue(p.Height(digits) >= 18, "the ticket number is large");

            // The digits themselves still read left to right: the same pixels as on an English screen.
            AssertSameDigits(resource, frame, p.X(digits), p.Y(digits), "17");

            // "ترتيبك 3 في الدور": first part at the right, the number, then the rest further left.
            int first = -1;
            int second = -1;
            int number = -1;
            for (int i = 0; i < p.Count; i++)
            {
                if (p.Kind(i) == ScreenPieces.PhrasePiece && p.Phrase(i) == Phrases.QueuedPlace)
                {
                    if (first < 0)
                    {
                        first = i;
                    }
                    else
                    {
                        second = i;
                    }
                }
                else if (p.Kind(i) == ScreenPieces.RuntimeText && number < 0)
                {
                    number = i;
                }
            }

            Assert.AreEqual(HelpPointLayout.ContentWidth, p.X(first) + p.Width(first));
            Assert.IsTrue(p.X(number) + p.Width(number) < p.X(first) && p.X(second) + p.Width(second) < p.X(number), "place line in right-to-left order");

            // Mirrored: English starts at the left edge with the label, the number right of it.
            Assert.IsTrue(composer.Compose(Screens.Build(HelpPointState.Queued, "en", "sv", "17", 3, 240, null, true, null, FeedbackPrompt.None), frame));
            Assert.IsFalse(composer.Pieces.RightToLeft);
            Assert.AreEqual(0, composer.Pieces.X(composer.Pieces.Find(ScreenPieces.PhrasePiece, Phrases.TicketLabel)));
            Assert.IsTrue(composer.Pieces.X(composer.Pieces.Find(ScreenPieces.TicketDigits, -1)) > composer.Pieces.Width(composer.Pieces.Find(ScreenPieces.PhrasePiece, Phrases.TicketLabel)));
        }

        private static void AssertSameDigits(PhraseResource resource, FrameBuffer frame, int x, int y, string ticket)
        {
            var alone = new FrameBuffer(HelpPointLayout.Width, HelpPointLayout.Height);
            resource.DigitFont.Draw(ticket, alone, 0, 0);
            int top = resource.DigitFont.Baseline - resource.DigitFont.Ascent(ticket);
            int width = resource.DigitFont.Measure(ticket);
            int height = resource.DigitFont.Ascent(ticket) + resource.DigitFont.Descent(ticket);
            for (int row = 0; row < height; row++)
            {
                for (int col = 0; col < width; col++)
                {
                    Assert.AreEqual(alone.Get(col, top + row), frame.Get(x + col, y + row), $"digit pixel {col},{row}");
                }
            }
        }

        [TestMethod]
        public void Ticket_board_composes_in_every_language_and_runs_waiting_tickets_in_reading_order()
        {
            PhraseResource resource = CommittedResource(DisplayProfile.Board.ResourceFile);
            var composer = new BoardComposer(resource);
            var frame = new FrameBuffer(BoardPixelLayout.Width, BoardPixelLayout.Height);
            var message = new BoardMessage(true, new[] { "15", "16", "3", "4", "5" }, new[] { "Sara", "Ali", "Bo", "Li", "Ed" }, Enumerable.Range(17, 60).Select(n => n.ToString()).ToArray(), 300);
            foreach (string code in RequiredLanguages)
            {
                foreach (bool offline in new[] { false, true })
                {
                    Assert.IsTrue(composer.Compose(message, offline, code, frame));
                    Assert.AreEqual(code, composer.Pieces.Language);
                    Assert.AreEqual(0, composer.Pieces.Dropped, code + ": a line did not fit");
                    Assert.IsTrue(composer.ShownWaiting >= 6 && composer.ShownWaiting < 60, code + ": " + composer.ShownWaiting.ToString() + " waiting tickets shown");
                    for (int i = 0; i < composer.Pieces.Count; i++)
                    {
                        Assert.IsTrue(composer.Pieces.X(i) >= 0 && composer.Pieces.X(i) + composer.Pieces.Width(i) <= BoardPixelLayout.Width
                            && composer.Pieces.Y(i) >= 0 && composer.Pieces.Y(i) + composer.Pieces.Height(i) <= BoardPixelLayout.Height, code + ": clipped");
                    }

                    Assert.AreEqual(offline, composer.RowKinds.Contains(BoardLineKind.Offline), code);
                }

                // Queue order in reading direction: "17" is the first waiting ticket.
                Assert.IsTrue(composer.Compose(new BoardMessage(true, new string[0], new string[0], new[] { "17", "18" }, 60), false, code, frame));
                int first = -1;
                int second = -1;
                for (int i = 0; i < composer.Pieces.Count; i++)
                {
                    if (composer.Pieces.Kind(i) == ScreenPieces.RuntimeText)
                    {
                        if (first < 0)
                        {
                            first = i;
                        }
                        else if (second < 0)
                        {
                            second = i;
                        }
                    }
                }

                bool firstIsLeft = composer.Pieces.X(first) < composer.Pieces.X(second);
                Assert.AreEqual(!composer.Pieces.RightToLeft, firstIsLeft, code + ": waiting tickets in reading order");
            }
        }

        [TestMethod]
        public void Picker_shows_each_language_by_its_own_name()
        {
            PhraseResource resource = CommittedResource(DisplayProfile.HelpPoint.ResourceFile);
            var composer = new HelpPointComposer(resource);
            var frame = new FrameBuffer(HelpPointLayout.Width, HelpPointLayout.Height);
            var names = new HashSet<string>();
            foreach (LanguageFile language in Build.Value.Languages)
            {
                Assert.IsTrue(names.Add(language.Texts[Phrases.LanguageName]), "two languages share a name");
                Assert.IsTrue(composer.Compose(Screens.Build(HelpPointState.Idle, language.Code, "sv", null, -1, -1, null, true, language.Code, FeedbackPrompt.None), frame));
                Assert.AreEqual(language.Code, composer.Pieces.Language, "the idle screen switches to the picked language");
                Assert.IsTrue(composer.Pieces.Find(ScreenPieces.PhrasePiece, Phrases.LanguageName) >= 0, language.Code + ": the picked language's own name is shown");
            }

            Assert.IsTrue(Build.Value.Languages.Single(l => l.Code == "ar").Texts[Phrases.LanguageName].All(c => c == ' ' || Bidi.IsRightToLeftLetter(c)), "Arabic is named in Arabic script");
            Assert.IsTrue(Build.Value.Languages.Single(l => l.Code == "ti").Texts[Phrases.LanguageName].All(c => c >= '\u1200' && c <= '\u137F'), "Tigrinya is named in Ge'ez script");

            // A branch language the resource lacks is named in Latin letters, over the default language's screen.
            Assert.IsTrue(composer.Compose(Screens.Build(HelpPointState.Idle, "pl", "sv", null, -1, -1, null, true, "pl", FeedbackPrompt.None), frame));
            Assert.AreEqual("sv", composer.Pieces.Language);
            Assert.IsTrue(composer.Pieces.Find(ScreenPieces.RuntimeText, -1) >= 0);
        }

        [TestMethod]
        public void Host_names_in_a_script_the_display_lacks_become_an_IT_host_and_long_names_get_their_own_line()
        {
            PhraseResource resource = CommittedResource(DisplayProfile.HelpPoint.ResourceFile);
            var composer = new HelpPointComposer(resource);
            var frame = new FrameBuffer(HelpPointLayout.Width, HelpPointLayout.Height);

            Assert.IsTrue(composer.Compose(Screens.Build(HelpPointState.Assigned, "en", "sv", "17", -1, -1, "سارا", true, null, FeedbackPrompt.None), frame));
            Assert.IsTrue(composer.Pieces.Find(ScreenPieces.PhrasePiece, Phrases.AssignedAnyone) >= 0);
            Assert.AreEqual(-1, composer.Pieces.Find(ScreenPieces.RuntimeText, -1));
            Assert.IsNull(composer.DrawableFirstName("سارا"));
            Assert.AreEqual("Олена", composer.DrawableFirstName("Олена Петренко"), "Cyrillic names are drawn");
            Assert.AreEqual("Anna-Karin", composer.DrawableFirstName("Anna-Karin Lindqvist"), "first name only");

            Assert.IsTrue(composer.Compose(Screens.Build(HelpPointState.Assigned, "ar", "sv", "17", -1, -1, "Christopher", true, null, FeedbackPrompt.None), frame));
            int name = composer.Pieces.Find(ScreenPieces.RuntimeText, -1);
            int text = composer.Pieces.Find(ScreenPieces.PhrasePiece, Phrases.AssignedHost);
            Assert.IsTrue(name >= 0 && text >= 0);
            Assert.AreEqual(HelpPointLayout.ContentWidth, composer.Pieces.X(name) + composer.Pieces.Width(name), "the Latin name starts the right-to-left line");
        }

        [TestMethod]
        public void Resource_size_per_language_stays_within_the_flash_budget()
        {
            foreach (DisplayProfile display in DisplayProfile.All)
            {
                PhraseResource resource = CommittedResource(display.ResourceFile);
                int total = Committed($"{PhraseBuild.ResourceFolder}/{display.ResourceFile}").Length;
                var report = new List<string>();
                for (int l = 0; l < resource.LanguageCount; l++)
                {
                    int bytes = resource.LanguageBytes(l);
                    report.Add($"{resource.LanguageCode(l)} {bytes} B");
                    Assert.IsTrue(bytes <= LanguageBudgetBytes, $"{resource.LanguageCode(l)} takes {bytes} bytes on the {display.Name}, budget {LanguageBudgetBytes}");
                }

                Console.WriteLine($"{display.ResourceFile} ({display.Name}): {total} B in all; " + string.Join(", ", report));
                Assert.IsTrue(total <= FileBudgetBytes, $"{display.ResourceFile} is {total} bytes, budget {FileBudgetBytes}");
            }

            string doc = File.ReadAllText(Path.Combine(Root, PhraseBuild.LanguagesDocPath));
            StringAssert.Contains(doc, $"{LanguageBudgetBytes / 1024} KiB per language", "docs/languages.md states the per-language budget");
            StringAssert.Contains(doc, $"{FileBudgetBytes / 1024} KiB per file", "docs/languages.md states the per-file budget");
        }

        [TestMethod]
        public void A_broken_language_file_is_refused_with_the_reason()
        {
            string folder = Path.Combine(Path.GetTempPath(), "hp-lang-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string sv = File.ReadAllText(Path.Combine(Root, PhraseBuild.LanguagesFolder, "sv.json"));
                File.WriteAllText(Path.Combine(folder, "sv.json"), sv.Replace("Plats {n} i kön", "Plats i kön", StringComparison.Ordinal));
                var e = Assert.ThrowsExactly<FormatException>(() => LanguageFile.Load(Path.Combine(folder, "sv.json")));
                StringAssert.Contains(e.Message, "queued.place");

                File.WriteAllText(Path.Combine(folder, "sv.json"), sv.Replace("\"sending\"", "\"sendng\"", StringComparison.Ordinal));
                e = Assert.ThrowsExactly<FormatException>(() => LanguageFile.Load(Path.Combine(folder, "sv.json")));
                StringAssert.Contains(e.Message, "sending");
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [TestMethod]
        public void Bidi_orders_runs_as_a_reader_expects()
        {
            // "1=جيد 2=سيئ" in a right-to-left paragraph, runs from left to right on screen: read from the
            // right, "1" comes first, then "=جيد", then "2", "=سيئ"; each number stays left to right.
            var runs = Bidi.VisualRuns("1=جيد 2=سيئ", true);
            Assert.AreEqual("=سيئ|2|=جيد |1", string.Join("|", runs.Select(r => r.Text)));
            Assert.AreEqual("RLRL", string.Concat(runs.Select(r => r.RightToLeft ? "R" : "L")));

            // A Latin name starting an Arabic line stays one left-to-right run, at the right end.
            runs = Bidi.VisualRuns("Sara في الطريق", true);
            Assert.AreEqual("Sara", runs[^1].Text);
            Assert.IsFalse(runs[^1].RightToLeft);

            // Left-to-right text is one run.
            Assert.AreEqual(1, Bidi.VisualRuns("Place 3 in the queue", false).Count);
        }
    }
}
#endif
