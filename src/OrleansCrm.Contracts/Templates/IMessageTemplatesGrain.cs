using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts;

/// <summary>
/// The message templates of one campaign, keyed by the campaign's id. Each template keeps its own version, which
/// grows on every save and is never reused, not even after a delete (a message records the version it used).
/// </summary>
[Alias("OrleansCrm.IMessageTemplatesGrain")]
public interface IMessageTemplatesGrain : IGrainWithStringKey
{
    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    [return: Immutable]
    Task<Stored<MessageTemplate>?> GetAsync(string templateId);

    /// <summary>Every template of the campaign, by id.</summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    [return: Immutable]
    Task<IReadOnlyList<Stored<MessageTemplate>>> ListAsync();

    /// <summary>Creates or replaces a template after checking it by the domain's rules; nothing is stored when it is refused.</summary>
    [Alias("Put")]
    [return: Immutable]
    Task<Stored<MessageTemplate>> PutAsync(string templateId, [Immutable] MessageTemplate template);

    /// <summary>Removes a template; false when there was none.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync(string templateId);
}
