using OrleansCrm.Contracts.Scheduling;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Presentation;
using OrleansCrm.Contracts.Ports;
using ApiOrders = OrleansCrm.Api.Presentation;

namespace OrleansCrm.Api.Apis;

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/orders").WithTags("Orders").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();
        const int bad = StatusCodes.Status400BadRequest, missing = StatusCodes.Status404NotFound, conflict = StatusCodes.Status409Conflict;

        api.MapPost("/", PlaceOrder).WithName("PlaceOrder")
            .WithSummary("Place an order (trial or not). Trial: only S&H is charged now, the product at trial end. Honours Idempotency-Key. The card is a provider token only.")
            .ProducesProblems(bad, StatusCodes.Status402PaymentRequired, conflict, StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/", SearchOrders).WithName("SearchOrders")
            .WithSummary("Search: status (comma list), q (number, name, email, phone), from, to (placed), upsellEligible=true, skip/take").ProducesProblems(bad);
        api.MapGet("/{orderNumber}", GetOrder).WithName("GetOrder").WithSummary("The order page").ProducesProblems(bad, missing);
        api.MapGet("/{orderNumber}/workflow", GetWorkflow).WithName("GetOrderWorkflow").WithSummary("The sales workflow timeline").ProducesProblems(bad, missing);
        api.MapPost("/{orderNumber}/workflow/{eventId}/resend", Resend).WithName("ResendWorkflowEmail").WithSummary("Resend a completed email").ProducesProblems(bad, missing, conflict);
        api.MapGet("/{orderNumber}/payments", GetPayments).WithName("GetOrderPayments").WithSummary("Payment history: charges, prepayments, refunds").ProducesProblems(bad, missing);
        api.MapPost("/{orderNumber}/notes", AddNote).WithName("AddOrderNote").WithSummary("Add an agent note").ProducesProblems(bad, missing);
        api.MapPost("/{orderNumber}/cancel", Cancel).WithName("CancelOrder").WithSummary("Cancel: every waiting workflow event is cancelled").ProducesProblems(bad, missing, conflict);
        api.MapPost("/{orderNumber}/confirm", Confirm).WithName("ConfirmOrder").WithSummary("The customer confirmed by phone (Pending → Confirmed)").ProducesProblems(bad, missing, conflict);
        api.MapPost("/{orderNumber}/refund", Refund).RequireAuthorization(Roles.SupervisorOrAdmin).WithName("RefundOrder")
            .WithSummary("Refund all (no amount) or part through the provider; honours Idempotency-Key (supervisor, admin)").ProducesProblems(bad, missing, conflict);
        api.MapPost("/{orderNumber}/prepayments", Prepay).WithName("PrepayOrder")
            .WithSummary("Take a prepayment on the card on file or a provider token, when the offer allows; honours Idempotency-Key")
            .ProducesProblems(bad, StatusCodes.Status402PaymentRequired, missing, conflict);
        api.MapPost("/{orderNumber}/fulfillment", Fulfill).WithName("FulfillOrder").WithSummary("Move along fulfillment: Shipping → Shipped → Delivered").ProducesProblems(bad, missing, conflict);
        api.MapPost("/{orderNumber}/fulfillment/hold", HoldFulfillment).WithName("HoldOrderFulfillment")
            .WithSummary("Hold fulfillment: the order cannot move along fulfillment until released (a system note, a history entry)").ProducesProblems(bad, missing, conflict);
        api.MapPost("/{orderNumber}/fulfillment/release", ReleaseFulfillment).WithName("ReleaseOrderFulfillment")
            .WithSummary("Release held fulfillment; 409 when it is not on hold").ProducesProblems(bad, missing, conflict);
        api.MapPost("/{orderNumber}/fulfillment/cancel", CancelFulfillment).WithName("CancelOrderFulfillment")
            .WithSummary("Cancel fulfillment: the goods will not be sent (Shipping goes back to Paid); money is not touched").ProducesProblems(bad, missing, conflict);
        api.MapPost("/{orderNumber}/discounts", Discount).RequireAuthorization(Roles.SupervisorOrAdmin).WithName("DiscountOrder")
            .WithSummary("Take an amount off the price (supervisor, admin): a charge still to come is lowered, money already taken is partly refunded through the provider; honours Idempotency-Key")
            .ProducesProblems(bad, missing, conflict);
        api.MapPatch("/{orderNumber}/items/{sku}", DecreaseQuantity).RequireAuthorization(Roles.SupervisorOrAdmin).WithName("DecreaseOrderItemQuantity")
            .WithSummary("Decrease an item's quantity before it ships (supervisor, admin), with the money effect of a discount of those units; an increase is 409; honours Idempotency-Key")
            .ProducesProblems(bad, missing, conflict);
        api.MapDelete("/{orderNumber}", Delete).RequireAuthorization(Roles.AdminOnly).WithName("DeleteOrder").WithSummary("Soft delete: kept for audit, hidden from search (admin)").ProducesProblems(bad, missing, conflict);
        api.MapPut("/{orderNumber}/trial-end", MoveTrialEnd).RequireAuthorization(Roles.SupervisorOrAdmin).WithName("MoveOrderTrialEnd")
            .WithSummary("{ at }: move the trial's end; the product charge and its reminder emails follow (supervisor, admin)").ProducesProblems(bad, missing, conflict);
        api.MapPut("/{orderNumber}/auto-cancel", SetAutoCancel).WithName("SetOrderAutoCancel").WithSummary("{ at } to move the auto-cancel date, { disabled: true } to switch it off").ProducesProblems(bad, missing, conflict);
        api.MapDelete("/{orderNumber}/analytics", RemoveAnalytics).WithName("RemoveOrderAnalytics").WithSummary("Remove source and channel").ProducesProblems(bad, missing, conflict);
        api.MapPost("/{orderNumber}/tasks", AddTask).WithName("AddOrderTask").WithSummary("Add a task: title, due date, assignee").ProducesProblems(bad, missing, conflict);
        api.MapPatch("/{orderNumber}/tasks/{taskId}", UpdateTask).WithName("UpdateOrderTask")
            .WithSummary("Assign the task and/or move its due date (clearDueAt: true removes it)").ProducesProblems(bad, missing, conflict);
        api.MapPost("/{orderNumber}/tasks/{taskId}/complete", CompleteTask).WithName("CompleteOrderTask").WithSummary("Mark the task done").ProducesProblems(bad, missing);

        return app.MapTrialExtensionsApi();
    }

    public static async Task<Created<OrderPage>> PlaceOrder(
        PlaceOrder body, HttpRequest http, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var by = user.UserId();
        var request = body.ToCommand();
        await CheckPlacementAsync(request, grains);
        var client = IdempotencyKeys.Request(http, user, purpose: null, body);
        Order order;
        if (client is not null)
        {
            order = await grains.GetGrain<IIdempotentOrderGrain>(client.Key).PlaceOrderOnceAsync(request, client, by);
        }
        else
        {
            var number = (await grains.GetGrain<ISequenceGrain>(SequenceNames.Orders).NextAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            order = await grains.GetGrain<IOrderGrain>(number).PlaceAsync(request, by);
        }

        return TypedResults.Created($"/api/v1/orders/{order.Number}", await PageAsync(order, grains, clock, orders, calls));
    }

    /// <summary>Bad input never draws an order number: the request and what it names are checked first.</summary>
    private static async Task CheckPlacementAsync(Domain.Orders.PlaceOrder valid, IGrainFactory grains)
    {
        var v = new Validator();
        if (await grains.GetGrain<IOfferGrain>(valid.OfferId).GetAsync() is null)
        {
            v.Add("offerId", $"There is no offer '{valid.OfferId}'.");
        }

        if (await grains.GetGrain<ICustomerGrain>(valid.CustomerId).GetAsync() is null)
        {
            v.Add("customerId", $"There is no customer '{valid.CustomerId}'.");
        }

        if (valid.CampaignId is { } campaignId && await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync() is null)
        {
            v.Add("campaignId", $"There is no campaign '{campaignId}'.");
        }

        v.ThrowIfInvalid();
    }

    public static async Task<Ok<Page<OrderEntry>>> SearchOrders(
        IOrderDirectory orders, ICallDirectory calls, [FromQuery] string? status, [FromQuery] string? q, [FromQuery] QueryInstant? from, [FromQuery] QueryInstant? to,
        [FromQuery] bool? upsellEligible, [FromQuery] int? skip, [FromQuery] int? take, CancellationToken cancellationToken)
    {
        var (s, t) = EndpointConventions.Paging(skip, take);
        var v = new Validator();
        v.Text("q", q, Validator.NameMaxLength);
        var statuses = new List<OrderStatus>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<OrderStatus>(name, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _))
            {
                statuses.Add(parsed);
            }
            else
            {
                v.Add("status", $"'{Validator.Shorten(name)}' is not an order status ({string.Join(", ", Enum.GetNames<OrderStatus>())}).");
            }
        }

        if (from is not null && to is not null && from.Value.Value >= to.Value.Value)
        {
            v.Add("to", "must be later than 'from'.");
        }

        v.ThrowIfInvalid();
        if (upsellEligible == true)
        {
            statuses = statuses.Count == 0 ? [.. OrderRules.UpsellEligible] : statuses.Intersect(OrderRules.UpsellEligible).ToList();
            if (statuses.Count == 0)
            {
                return TypedResults.Ok(new Page<OrderEntry>([], 0, s, t));
            }
        }

        return TypedResults.Ok(await orders.SearchAsync(new OrderQuery(statuses, q, from?.Value, to?.Value, null, s, t), cancellationToken));
    }

    public static async Task<Ok<OrderPage>> GetOrder(string orderNumber, IGrainFactory grains, CrmClock clock, IOrderDirectory orders, ICallDirectory calls) =>
        TypedResults.Ok(await PageAsync(await LoadAsync(orderNumber, grains), grains, clock, orders, calls));

    public static async Task<Ok<IReadOnlyList<ApiOrders.WorkflowEvent>>> GetWorkflow(string orderNumber, IGrainFactory grains) =>
        TypedResults.Ok(ApiOrders.WorkflowEvent.Of((await LoadAsync(orderNumber, grains)).Workflow));

    public static async Task<Ok<IReadOnlyList<ApiOrders.WorkflowEvent>>> Resend(string orderNumber, string eventId, IGrainFactory grains, ClaimsPrincipal user)
    {
        EndpointConventions.PathId("eventId", eventId);
        return TypedResults.Ok(ApiOrders.WorkflowEvent.Of((await Order(orderNumber, grains).ResendAsync(eventId, user.UserId())).Workflow));
    }

    public static async Task<Ok<IReadOnlyList<PaymentRecord>>> GetPayments(string orderNumber, IGrainFactory grains) =>
        TypedResults.Ok(PaymentRecord.Of((await LoadAsync(orderNumber, grains)).Payments));

    public static async Task<Created<ApiOrders.OrderNote>> AddNote(string orderNumber, NoteBody body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var note = await Order(orderNumber, grains).AddNoteAsync(body.Text, user.UserId());
        return TypedResults.Created($"/api/v1/orders/{orderNumber}", ApiOrders.OrderNote.Of(note));
    }

    public static async Task<Ok<OrderPage>> Cancel(string orderNumber, CancelBody? body, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).CancelAsync(user.UserId(), body?.Reason);
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> Confirm(string orderNumber, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).ConfirmAsync(user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> Refund(
        string orderNumber, RefundBody? body, HttpRequest http, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).RefundAsync(body?.Amount, body?.Reason, IdempotencyKeys.OnOrder(http, new { action = "refund", amount = body?.Amount }), user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> Prepay(
        string orderNumber, PrepaymentBody body, HttpRequest http, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).PrepayAsync(body.Amount, body.CardToken, IdempotencyKeys.OnOrder(http, new { action = "prepayment", amount = body.Amount }), user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> Fulfill(string orderNumber, FulfillmentBody body, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var v = new Validator();
        v.Required("status", body.Status);
        v.ThrowIfInvalid();
        var order = await Order(orderNumber, grains).FulfillAsync(body.Status!.Value, user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> HoldFulfillment(
        string orderNumber, FulfillmentChangeBody? body, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).HoldFulfillmentAsync(body?.Reason, user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> ReleaseFulfillment(string orderNumber, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).ReleaseFulfillmentAsync(user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> CancelFulfillment(
        string orderNumber, FulfillmentChangeBody? body, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).CancelFulfillmentAsync(body?.Reason, user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Created<OrderPage>> Discount(
        string orderNumber, DiscountBody body, HttpRequest http, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).DiscountAsync(body.Amount, body.Reason, IdempotencyKeys.OnOrder(http, new { action = "discount", amount = body.Amount }), user.UserId());
        return TypedResults.Created($"/api/v1/orders/{orderNumber}", await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> DecreaseQuantity(
        string orderNumber, string sku, ItemQuantityBody body, HttpRequest http, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).DecreaseQuantityAsync(EndpointConventions.PathId("sku", sku), body.Quantity, body.Reason,
            IdempotencyKeys.OnOrder(http, new { action = "decrease-quantity", sku, quantity = body.Quantity }), user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<NoContent> Delete(string orderNumber, IGrainFactory grains, ClaimsPrincipal user)
    {
        await Order(orderNumber, grains).DeleteAsync(user.UserId());
        return TypedResults.NoContent();
    }

    public static async Task<Ok<OrderPage>> SetAutoCancel(string orderNumber, AutoCancelBody body, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var v = new Validator();
        if ((body.At is null) == (body.Disabled != true))
        {
            v.Add("at", "give either 'at' (an instant) or 'disabled': true.");
        }

        v.ThrowIfInvalid();
        var order = await Order(orderNumber, grains).SetAutoCancelAsync(body.At, user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> MoveTrialEnd(string orderNumber, TrialEndBody body, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        if (body.At is not { } at)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["at"] = ["is required."] });
        }

        var order = await Order(orderNumber, grains).MoveTrialEndAsync(at, user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Ok<OrderPage>> RemoveAnalytics(string orderNumber, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var order = await Order(orderNumber, grains).RemoveAnalyticsAsync(user.UserId());
        return TypedResults.Ok(await PageAsync(order, grains, clock, orders, calls));
    }

    public static async Task<Created<OrderTask>> AddTask(string orderNumber, TaskBody body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var task = await Order(orderNumber, grains).AddTaskAsync(body.Title, body.DueAt, body.Assignee, user.UserId());
        return TypedResults.Created($"/api/v1/orders/{orderNumber}", OrderTask.From(task));
    }

    public static async Task<Ok<OrderTask>> UpdateTask(string orderNumber, string taskId, TaskUpdateBody body, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(OrderTask.From(await Order(orderNumber, grains).UpdateTaskAsync(EndpointConventions.PathId("taskId", taskId), body.Assignee, body.DueAt, body.ClearDueAt ?? false, user.UserId())));

    public static async Task<Ok<OrderTask>> CompleteTask(string orderNumber, string taskId, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(OrderTask.From(await Order(orderNumber, grains).CompleteTaskAsync(EndpointConventions.PathId("taskId", taskId), user.UserId())));

    private static IOrderGrain Order(string orderNumber, IGrainFactory grains) =>
        grains.GetGrain<IOrderGrain>(EndpointConventions.PathId("orderNumber", orderNumber));

    private static async Task<Order> LoadAsync(string orderNumber, IGrainFactory grains) =>
        await Order(orderNumber, grains).GetAsync() ?? throw DomainException.NotFound("Order", orderNumber);

    /// <summary>The order page, from the order a grain call just returned (never read again) and what lives beside it.</summary>
    internal static async Task<OrderPage> PageAsync(Order o, IGrainFactory grains, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        var customer = await grains.GetGrain<ICustomerGrain>(o.Customer.Id).GetAsync();
        var profile = customer?.Profile;
        var zone = profile?.TimeZone ?? o.Customer.TimeZone;
        var customerView = new OrderCustomerView(
            o.Customer.Id, profile?.Name ?? o.Customer.Name, profile?.Email ?? o.Customer.Email, profile?.Phone ?? o.Customer.Phone, profile?.Address is { } address ? PostalAddress.From(address) : null,
            profile?.PersonalManager ?? "unassigned", CustomerNote.Of(customer?.Notes ?? []), new LocalTimeView(TimeZones.LocalTime(clock.GetUtcNow(), zone), zone));
        var money = Currency.Get(o.Currency);
        var amounts = new AmountsView(o.Currency, money.Exactly(o.Total()), money.Exactly(o.ItemsTotal()), money.Exactly(o.ShippingAndHandling),
            money.Exactly(o.DeliveryMethod?.Price ?? 0m), money.Exactly(o.Prepayments()), money.Exactly(o.Income()), money.Exactly(o.Expenses()),
            money.Exactly(o.Refunded()), money.Exactly(o.Refundable()), money.Exactly(o.Discounts()));
        var trial = o.Trial is { } t ? new TrialView(t.TrialDays, t.ExtensionDays, o.Workflow.First(e => e.Kind == WorkflowKind.ProductCharge).ScheduledAt, o.IsExtended(), o.ExtendedAt) : null;
        var card = o.Card is { } c ? new CardView(c.Masked, c.Brand, c.ExpiryMonth, c.ExpiryYear) : null;
        var customerCalls = await calls.ForCustomerAsync(o.Customer.Id, ReportsApi.MaxCalls);
        var tabs = CustomerCallsView.Of(o.Customer.Id, customerCalls);
        var history = o.History.Select(h => new HistoryItem(h.At, "status", h.By, $"{h.From?.ToString() ?? "new"} → {h.To}: {EnglishWording.Reason(h)}"))
            .Concat(o.Notes.Where(n => !n.System).Select(n => new HistoryItem(n.CreatedAt, "note", n.Author, n.Text)))
            .Concat(o.Changes.Select(c => new HistoryItem(c.At, "change", c.By, EnglishWording.Description(c))))
            .Concat(customerCalls.Where(c => c.OrderNumber == o.Number).Select(c => new HistoryItem(
                c.EndedAt ?? c.StartedAt, "call", c.AgentId, $"Call {c.CallId}: {c.OutcomeLabel ?? c.Status}{(c.Comment is null ? "" : " — " + c.Comment)}")))
            .OrderByDescending(h => h.At)
            .ToList();
        var customerOrders = (await orders.SearchAsync(new OrderQuery(CustomerId: o.Customer.Id, Take: 200))).Items;
        return new OrderPage(o.Number, o.Status, o.PlacedAt, o.AutoCancelAt, o.IsTrial, trial, amounts, customerView, o.Ip, OrderItem.Of(o.Items), card,
            o.Analytics is null ? null : Analytics.From(o.Analytics), o.Affiliate is null ? null : Affiliate.From(o.Affiliate), o.Tag, o.DeliveryMethod is { } delivery ? DeliveryMethod.From(delivery) : null, o.OfferId, o.MainOrderNumber, o.Fulfillment, PaymentRecord.Of(o.Payments), ApiOrders.WorkflowEvent.Of(o.Workflow), ApiOrders.OrderNote.Of(o.Notes), OrderTask.Of(o.Tasks), OrderChange.Of(o.Changes), history,
            customerOrders, tabs.OrderCalls, tabs.TaskCalls);
    }
}
