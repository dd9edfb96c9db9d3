namespace OrleansCrm.Grains.Scheduling;

/// <summary>What an activation knows of the reminder an <see cref="ArmedDueWork"/> record describes.</summary>
public enum ArmedReminder
{
    /// <summary>Loaded from storage, not yet checked: the activation that stored the record may have died before its reminder write.</summary>
    Unchecked,

    /// <summary>Written or found as recorded by this activation.</summary>
    AsRecorded,

    /// <summary>The record moved: the reminder is to be written (or removed) for it.</summary>
    ToWrite,
}
