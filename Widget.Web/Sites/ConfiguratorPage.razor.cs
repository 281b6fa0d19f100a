using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Widget.Core.Sites;
using Widget.Data.Sites;
using Widget.Web.Auth;
using Widget.Web.Calls;
using Widget.Web.Hosting;
using Widget.Web.Viewing;

namespace Widget.Web.Sites;

/// <summary>Where an owner sets up their site's widget, watching the real widget change as they go.</summary>
public sealed partial class ConfiguratorPage
{
    private PageState state = PageState.Loading;
    private SiteSettingsForm form = new();
    private SiteSettings settings = new();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private string previewUrl = "";
    private string? saved;
    private bool confirmingRelease;
    private long ownerId;

    private enum PageState
    {
        Loading,
        NotYours,
        Ready,
    }

    [Parameter] public string Tag { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject] private SiteStore Store { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private PublicUrls Urls { get; set; } = default!;

    [Inject] private ICallEvictions Calls { get; set; } = default!;

    [Inject] private WidgetPageEvictions Pages { get; set; } = default!;

    private Uri Origin => Urls.Origin;

    protected override async Task OnParametersSetAsync()
    {
        ownerId = (await Authentication).User.ToPostAuthor()?.UserId ?? 0;
        var site = Core.Tags.Tag.TryParse(Tag, out var tag) ? await Store.FindAsync(tag.Value, CancellationToken.None) : null;
        if (site is null || site.OwnerId != ownerId)
        {
            state = PageState.NotYours;
            return;
        }

        form = SiteSettingsForm.From(site.Settings);
        state = PageState.Ready;
        Refresh();
    }

    /// <summary>Every change re-renders the real widget in the preview frame with the unsaved settings.</summary>
    private void Refresh()
    {
        (var draft, errors) = form.ToSettings();
        saved = null;
        if (errors.Count > 0)
        {
            return;
        }

        settings = draft;
        previewUrl = $"/w/{Tag}?{SitePreview.QueryKey}={SitePreview.Encode(settings)}";
    }

    private async Task SaveAsync()
    {
        Refresh();
        if (errors.Count > 0)
        {
            return;
        }

        var tag = Core.Tags.Tag.Parse(Tag);
        if (!await Store.SaveAsync(tag, ownerId, settings, CancellationToken.None))
        {
            saved = "This site is no longer yours.";
            return;
        }

        saved = "Saved.";
        await Pages.TagAsync(tag.Value);
        // Joining and watching check the setting, but a call already going would go on without this.
        if (settings.Calls == CallsMode.Off)
        {
            await Calls.EvictAsync(new CallEviction(tag.Value, CallOutReason.CallsOff));
        }
    }

    private async Task ReleaseAsync()
    {
        await Store.ReleaseAsync(Core.Tags.Tag.Parse(Tag), ownerId, CancellationToken.None);
        await Pages.TagAsync(Core.Tags.Tag.Parse(Tag).Value);
        Navigation.NavigateTo("/sites");
    }
}
