using Microsoft.Playwright;

namespace Acteon.Dashboard.Tests.Support;

/// <summary>
/// Keyboard reach of a page: Tab from the top of the document until every enabled, visible control of the view
/// (<c>#view</c>: links, buttons, inputs, selects, text areas) had the focus once, and each one has a label.
/// </summary>
public static class TabReach
{
    private const string Controls = "#view a[href], #view button, #view input, #view select, #view textarea";

    public static async Task AssertEveryControlReachedAsync(IPage page)
    {
        var count = await page.EvaluateAsync<int>($$"""
            () => {
              window.__reached = new Set();
              document.addEventListener('focusin', e => window.__reached.add(e.target));
              document.activeElement?.blur();
              return [...document.querySelectorAll('{{Controls}}')].filter(el => !el.disabled && el.offsetParent !== null).length;
            }
            """);
        Assert.True(count > 0, "the view has no control to reach");

        // The skip link, the scope bar, the logout button and the nav come first.
        for (var i = 0; i < count + 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var missed = await page.EvaluateAsync<string[]>($$"""
            () => [...document.querySelectorAll('{{Controls}}')]
              .filter(el => !el.disabled && el.offsetParent !== null && !window.__reached.has(el))
              .map(el => el.outerHTML.slice(0, 120))
            """);
        Assert.True(missed.Length == 0, "Tab never reached: " + string.Join(" | ", missed));

        var unlabelled = await page.EvaluateAsync<string[]>($$"""
            () => [...document.querySelectorAll('{{Controls}}')]
              .filter(el => !((el.labels && el.labels.length) || el.getAttribute('aria-label') || (el.tagName === 'A' || el.tagName === 'BUTTON') && el.textContent.trim()))
              .map(el => el.outerHTML.slice(0, 120))
            """);
        Assert.True(unlabelled.Length == 0, "controls without a label: " + string.Join(" | ", unlabelled));
    }
}
