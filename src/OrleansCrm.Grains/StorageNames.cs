namespace OrleansCrm.Grains;

/// <summary>Where grain state lives. Each state name is unique: the ADO.NET provider keys rows by it.</summary>
public static class StorageNames
{
    public const string Crm = "crm";

    public const string OfferState = "offer";
    public const string CampaignState = "campaign";
    public const string CustomerState = "customer";
    public const string OrderState = "order";
    public const string SequenceState = "sequence";
    public const string TrialTokenState = "trial-extension-token";
    public const string IdempotentOrderState = "idempotent-order";
    public const string OutboxEmailState = "outbox-email";
    public const string OutboxSmsState = "outbox-sms";
    public const string SmsRecipientState = "sms-recipient";
    public const string CallState = "call";
    public const string ContactState = "campaign-contact";
    public const string AgentState = "agent";
    public const string ContractState = "contract";
    public const string DoNotCallState = "do-not-call-list";
    public const string MessageTemplatesState = "message-templates";
    public const string CampaignAgendasState = "campaign-agendas";
    public const string ReminderReplanState = "reminder-replan";
    public const string WallboardSessionState = "wallboard-session";
}
