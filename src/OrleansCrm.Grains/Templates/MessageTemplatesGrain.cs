using OrleansCrm.Contracts;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Grains.Templates;

/// <summary>
/// A campaign's message templates: checked by the domain before anything is written (a refused save leaves the
/// previous version as it was; an outcome template's code must be in the campaign's outcome catalog), each save one version more, a delete keeping the number so it is never reused.
/// </summary>
public sealed class MessageTemplatesGrain(
    [PersistentState(StorageNames.MessageTemplatesState, StorageNames.Crm)] IPersistentState<MessageTemplatesState> state,
    CrmClock clock)
    : Grain, IMessageTemplatesGrain
{
    public Task<Stored<MessageTemplate>?> GetAsync(string templateId) =>
        Task.FromResult(state.State.Templates.TryGetValue(templateId, out var entry) && entry.Template is not null ? Snapshot(templateId, entry, created: false) : null);

    public Task<IReadOnlyList<Stored<MessageTemplate>>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Stored<MessageTemplate>>>(
            [.. state.State.Templates.Where(t => t.Value.Template is not null).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => Snapshot(t.Key, t.Value, created: false))]);

    public async Task<Stored<MessageTemplate>> PutAsync(string templateId, MessageTemplate template)
    {
        var valid = template.Validated();
        if (valid.Trigger?.OutcomeCode is not null)
        {
            var campaignId = this.GetPrimaryKeyString();
            var campaign = (await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync())?.Value;
            TemplateOutcomeCodes.Check(valid, campaignId, campaign?.Outcomes ?? []);
        }

        if (!state.State.Templates.TryGetValue(templateId, out var entry))
        {
            entry = new StoredTemplateEntry();
            state.State.Templates[templateId] = entry;
        }

        var created = entry.Template is null;
        var (previous, previousVersion, previousAt) = (entry.Template, entry.Version, entry.UpdatedAt);
        entry.Template = valid;
        entry.Version++;
        entry.UpdatedAt = clock.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The write failed: what the grain holds is what storage holds.
            (entry.Template, entry.Version, entry.UpdatedAt) = (previous, previousVersion, previousAt);
            throw;
        }

        return Snapshot(templateId, entry, created);
    }

    public async Task<bool> DeleteAsync(string templateId)
    {
        if (!state.State.Templates.TryGetValue(templateId, out var entry) || entry.Template is null)
        {
            return false;
        }

        var (previous, previousAt) = (entry.Template, entry.UpdatedAt);
        entry.Template = null;
        entry.UpdatedAt = clock.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            (entry.Template, entry.UpdatedAt) = (previous, previousAt);
            throw;
        }

        return true;
    }

    private static Stored<MessageTemplate> Snapshot(string templateId, StoredTemplateEntry entry, bool created) =>
        new(templateId, entry.Template!, entry.Version, entry.UpdatedAt, created);
}
