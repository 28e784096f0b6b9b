using Microsoft.Playwright;

namespace Acteon.Dashboard.Tests.Support;

/// <summary>Keyboard checks of a page: every visible, enabled control has a name and is reached by Tab.</summary>
public static class KeyboardReach
{
    /// <summary>
    /// Marks every visible, enabled link, button, input, select and textarea inside <paramref name="scope"/>, fails
    /// naming any without an accessible name (label, aria-label or text), then presses Tab until each one has had
    /// the focus; fails naming those it never reached. Returns how many controls were checked.
    /// </summary>
    public static async Task<int> AssertEveryControlReachableAsync(IPage page, string scope = "#view")
    {
        var count = await page.EvaluateAsync<int>("""
            scope => {
              const controls = [...document.querySelector(scope).querySelectorAll('a[href], button, input, select, textarea')]
                .filter(e => !e.disabled && e.getClientRects().length > 0);
              controls.forEach((e, i) => e.dataset.kb = String(i));
              return controls.length;
            }
            """, scope);
        Assert.True(count > 0, $"no control in {scope}");
        var unnamed = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-kb]')].filter(e => {
              if (e.getAttribute('aria-label')) return false;
              if (e.labels && e.labels.length) return false;
              return !((e.tagName === 'BUTTON' || e.tagName === 'A') && e.textContent.trim());
            }).map(e => e.outerHTML.slice(0, 160))
            """);
        Assert.True(unnamed.Length == 0, "controls without a label: " + string.Join(", ", unnamed));

        var reached = new HashSet<string>();
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        // A date-time input takes several Tab stops (one per part), so allow plenty.
        for (var i = 0; i < count * 6 + 60 && reached.Count < count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var mark = await page.EvaluateAsync<string?>("() => document.activeElement?.dataset?.kb ?? null");
            if (mark is not null)
            {
                reached.Add(mark);
            }
        }

        var missed = await page.EvaluateAsync<string[]>("reached => [...document.querySelectorAll('[data-kb]')].filter(e => !reached.includes(e.dataset.kb)).map(e => e.outerHTML.slice(0, 160))", reached.ToArray());
        Assert.True(missed.Length == 0, "Tab never reached: " + string.Join(", ", missed));
        return count;
    }

    /// <summary>The buttons inside the page's root (the shell's own, such as Log out, are outside it).</summary>
    public static ILocator PageButtons(IPage page) => page.Locator("#view .page button");
}
