using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Options;
using Widget.Core.Text;
using Widget.Web.Hosting;

namespace Widget.Web.Viewing;

/// <summary>
/// A post's text with its links, tags and mentions as anchors. Written as a render tree rather than
/// a .razor file so that no template whitespace reaches the <c>pre-wrap</c> paragraph it renders into:
/// line breaks stay the author's "\n", shown by CSS. Every character is a text node or an attribute
/// value, both encoded by the renderer; the only markup is the anchors built here. A link into our own
/// sign-in and account pages stays text (see <see cref="SignInLinks"/>).
/// </summary>
public sealed class RichPostText : ComponentBase
{
    /// <summary>External links: no ranking credit for spam, no window.opener for the target, never inside the iframe.</summary>
    public const string ExternalRel = "nofollow ugc noopener";

    [Parameter, EditorRequired] public string Text { get; set; } = "";

    [Inject] private IOptions<HostingOptions> Hosting { get; set; } = null!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        foreach (var token in RichText.Parse(Text))
        {
            switch (token)
            {
                case LinkToken link when SignInLinks.Targets(link.Url, Hosting.Value.Origin?.IdnHost):
                    builder.AddContent(8, link.Url);
                    break;
                case TextToken text:
                    builder.AddContent(0, text.Text);
                    break;
                case LineBreakToken:
                    builder.AddContent(1, "\n");
                    break;
                case LinkToken link:
                    Anchor(builder, link.Url, link.Url, "post-link", external: true);
                    break;
                case TagToken tag:
                    Anchor(builder, PublicLinks.Tag(tag.Tag), tag.Text, "post-tag", external: false);
                    break;
                case MentionToken mention:
                    Anchor(builder, PublicLinks.Mention(mention.Name), mention.Text, "post-mention", external: false);
                    break;
            }
        }
    }

    // Fixed sequence numbers, as in any loop: the renderer diffs by them.
    private static void Anchor(RenderTreeBuilder builder, string href, string text, string cssClass, bool external)
    {
        builder.OpenElement(2, "a");
        builder.AddAttribute(3, "class", cssClass);
        builder.AddAttribute(4, "href", href);
        if (external)
        {
            builder.AddAttribute(5, "rel", ExternalRel);
            builder.AddAttribute(6, "target", "_blank");
        }

        builder.AddContent(7, text);
        builder.CloseElement();
    }
}
