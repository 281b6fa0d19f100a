using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Widget.Testing;

/// <summary>The first form on an HTML page, submitted the way a browser would submit it.</summary>
internal sealed class HtmlForm
{
    private readonly Uri action;
    private readonly IReadOnlyList<KeyValuePair<string, string>> fields;

    private HtmlForm(Uri action, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        this.action = action;
        this.fields = fields;
    }

    /// <summary>The page's first form, or null if the response is not an HTML page with a form.</summary>
    public static async Task<HtmlForm?> FindAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html" || response.RequestMessage?.RequestUri is not { } page)
        {
            return null;
        }

        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));
        if (document.Forms.Length == 0)
        {
            return null;
        }

        var form = document.Forms[0];
        // Every form on the development provider's pages, and its form_post response, posts.
        if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"The form on {page} submits with {form.Method}; only POST forms are supported.");
        }

        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name))
            .Select(input => KeyValuePair.Create(input.Name!, input.Value))
            .ToList();
        return new HtmlForm(new Uri(page, form.GetAttribute("action") ?? ""), fields);
    }

    /// <summary>A POST of the form's fields, with the values of the named ones replaced.</summary>
    public HttpRequestMessage Submission(IReadOnlyDictionary<string, string> values) =>
        new(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent(
                fields.Select(field => KeyValuePair.Create(field.Key, values.GetValueOrDefault(field.Key, field.Value)))),
        };
}
