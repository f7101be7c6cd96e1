using System.Text.Json;
using Microsoft.Playwright;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>Runs the axe-core engine (from gateway.Tests/oracle, npm) in a page and fails on serious or critical violations.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        // Evaluated through the DevTools protocol, so the page's strict CSP (no inline or foreign scripts) stays as it is.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(await NodeOracle.AxeSourceAsync());
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3) }));
            }
            """);
        var serious = violations.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").ToList();
        Assert.IsEmpty(serious, $"axe-core found serious accessibility problems on {where}: " + string.Join("; ", serious.Select(v => v.ToString())));
    }
}
