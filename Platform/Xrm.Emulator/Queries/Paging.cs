using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Xrm.Emulator.Queries;

/// <summary>The slice of the ordered result one response returns.</summary>
internal readonly record struct PageWindow(int Start, int Count, bool MoreRecords, string? PagingCookie);

/// <summary>
/// TopCount, PageInfo and paging cookies as Dataverse handles them: at most 5,000 rows a page (the default page
/// size), MoreRecords when rows remain, and a cookie naming the page and the first and last record id of the page,
/// <c>&lt;cookie page="1"&gt;&lt;accountid last="{...}" first="{...}" /&gt;&lt;/cookie&gt;</c>. Given back with
/// the next PageNumber, the cookie continues right after its last record.
/// </summary>
internal static class Paging
{
    public const int MaxPageSize = 5000;

    /// <summary>Rejects what Dataverse rejects, before any row is read.</summary>
    public static void Validate(QueryPlan plan)
    {
        var paging = plan.Paging;
        if (plan.Top.HasValue)
        {
            if (IsPaged(paging))
            {
                throw new InvalidQueryException("The Top and PageInfo properties cannot be used together: use TopCount, or PageInfo.Count with PageNumber, not both.");
            }

            if (paging.ReturnTotalRecordCount)
            {
                throw new InvalidQueryException("TopCount cannot be used together with PageInfo.ReturnTotalRecordCount.");
            }

            if (plan.Top.Value < 1 || plan.Top.Value > MaxPageSize)
            {
                throw new InvalidQueryException($"TopCount must be between 1 and {MaxPageSize}, not {plan.Top.Value}.");
            }
        }

        if (paging.Count < 0 || paging.Count > MaxPageSize)
        {
            throw new InvalidQueryException($"PageInfo.Count (the page size) must be between 1 and {MaxPageSize}, not {paging.Count}.");
        }

        if (paging.PageNumber < 0)
        {
            throw new InvalidQueryException($"PageInfo.PageNumber must be 1 or more, not {paging.PageNumber}.");
        }
    }

    /// <param name="rootIds">The id of each ordered result row's root record.</param>
    /// <param name="primaryIdName">The id column named in the cookie.</param>
    public static PageWindow Window(IReadOnlyList<Guid> rootIds, QueryPlan plan, string primaryIdName)
    {
        if (plan.Top.HasValue)
        {
            return new PageWindow(0, Math.Min(plan.Top.Value, rootIds.Count), false, null);
        }

        var paging = plan.Paging;
        var size = paging.Count > 0 ? paging.Count : MaxPageSize;
        var page = paging.PageNumber > 0 ? paging.PageNumber : 1;
        var start = (int)Math.Min((long)(page - 1) * size, rootIds.Count);

        if (!string.IsNullOrEmpty(paging.PagingCookie))
        {
            var cookie = ReadCookie(paging.PagingCookie);
            // A cookie is for the page after its own; for any other page number Dataverse goes by the number alone.
            if (cookie.Page == page - 1 && cookie.Last.HasValue)
            {
                var previous = start - 1;
                if (previous < 0 || previous >= rootIds.Count || rootIds[previous] != cookie.Last.Value)
                {
                    var last = LastIndexOf(rootIds, cookie.Last.Value);
                    if (last >= 0) start = last + 1;
                }
            }
        }

        var count = Math.Min(size, rootIds.Count - start);
        var more = start + count < rootIds.Count;
        var pagingCookie = count > 0 ? WriteCookie(page, primaryIdName, rootIds[start], rootIds[start + count - 1]) : null;
        return new PageWindow(start, count, more, pagingCookie);
    }

    /// <summary>Page <paramref name="page"/> when <paramref name="rootIds"/> starts at its first row (read after its cookie).</summary>
    public static PageWindow FirstRows(IReadOnlyList<Guid> rootIds, int page, int size, string primaryIdName)
    {
        var count = Math.Min(size, rootIds.Count);
        var cookie = count > 0 ? WriteCookie(page, primaryIdName, rootIds[0], rootIds[count - 1]) : null;
        return new PageWindow(0, count, rootIds.Count > size, cookie);
    }

    public static bool IsPaged(Microsoft.Xrm.Sdk.Query.PagingInfo paging) =>
        paging.Count > 0 || paging.PageNumber > 0 || !string.IsNullOrEmpty(paging.PagingCookie);

    // Written as text: every RetrieveMultiple returns a cookie, and an XElement per query was a measurable cost; then
    // straight into the one string (no text per GUID, no upper-cased copies). The names and GUIDs never need escaping.
    public static string WriteCookie(int page, string primaryIdName, Guid first, Guid last)
    {
        Span<char> pageText = stackalloc char[11];
        page.TryFormat(pageText, out var pageLength, default, CultureInfo.InvariantCulture);
        var length = CookieStart.Length + pageLength + PageEnd.Length + primaryIdName.Length + LastAttribute.Length + GuidLength + FirstAttribute.Length + GuidLength + CookieEnd.Length;
        return string.Create(length, (page, primaryIdName, first, last), static (text, cookie) =>
        {
            var at = Append(text, 0, CookieStart);
            cookie.page.TryFormat(text[at..], out var written, default, CultureInfo.InvariantCulture);
            at = Append(text, at + written, PageEnd);
            at = Append(text, at, cookie.primaryIdName);
            at = Append(text, at, LastAttribute);
            at = AppendGuid(text, at, cookie.last);
            at = Append(text, at, FirstAttribute);
            at = AppendGuid(text, at, cookie.first);
            Append(text, at, CookieEnd);
        });
    }

    private const string CookieStart = "<cookie page=\"";
    private const string PageEnd = "\"><";
    private const string LastAttribute = " last=\"";
    private const string FirstAttribute = "\" first=\"";
    private const string CookieEnd = "\" /></cookie>";
    private const int GuidLength = 38; // "B": {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}

    private static int Append(Span<char> text, int at, string part)
    {
        part.AsSpan().CopyTo(text[at..]);
        return at + part.Length;
    }

    /// <summary>The id in braces with upper-case hex digits, as the platform writes it in cookies.</summary>
    private static int AppendGuid(Span<char> text, int at, Guid id)
    {
        var target = text.Slice(at, GuidLength);
        id.TryFormat(target, out _, "B");
        for (var i = 0; i < target.Length; i++) target[i] = char.ToUpperInvariant(target[i]);
        return at + GuidLength;
    }

    public static (int Page, Guid? Last) ReadCookie(string cookie)
    {
        try
        {
            var root = XElement.Parse(cookie);
            if (root.Name.LocalName != "cookie" || !int.TryParse((string?)root.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page))
            {
                throw new InvalidQueryException($"The paging cookie '{cookie}' is not one this service issued (expected <cookie page=\"n\">).");
            }

            var lastText = root.Elements().Select(e => (string?)e.Attribute("last")).FirstOrDefault(v => v != null);
            Guid? last = lastText != null && Guid.TryParse(lastText, out var id) ? id : null;
            return (page, last);
        }
        catch (XmlException e)
        {
            throw new InvalidQueryException($"The paging cookie '{cookie}' is not valid XML.", e);
        }
    }

    private static int LastIndexOf(IReadOnlyList<Guid> ids, Guid id)
    {
        for (var i = ids.Count - 1; i >= 0; i--)
        {
            if (ids[i] == id) return i;
        }

        return -1;
    }
}
