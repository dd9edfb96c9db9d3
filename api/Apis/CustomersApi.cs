using OrleansCrm.Contracts.Scheduling;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansCrm.Api.Auth;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Customers;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Api.Apis;

public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();

        api.MapPost("/", CreateCustomer)
            .WithName("CreateCustomer")
            .WithSummary("Create a customer: name, email, phone (E.164), postal address, IANA time zone, personal manager. Honours Idempotency-Key: a retry gets the customer the first attempt made")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);

        api.MapGet("/", SearchCustomers)
            .WithName("SearchCustomers")
            .WithSummary("Find customers by name, email or phone (q), newest first, paged")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        api.MapGet("/{customerId}", GetCustomer)
            .WithName("GetCustomer")
            .WithSummary("The customer card: profile, notes, current local time")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapPost("/{customerId}/notes", AddNote)
            .WithName("AddCustomerNote")
            .WithSummary("Add a note that shows on all of the customer's orders (card numbers in it are cut to their last four digits)")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapDelete("/{customerId}/notes/{noteId}", DeleteNote)
            .WithName("DeleteCustomerNote")
            .WithSummary("Delete a customer note")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapPut("/{customerId}/auto-payments", SetAutoPayments)
            .RequireAuthorization(Roles.AdminOnly)
            .WithName("SetCustomerAutoPayments")
            .WithSummary("Enable or disable the customer's scheduled charges (admin)")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/{customerId}/orders", GetOrders)
            .WithName("GetCustomerOrders")
            .WithSummary("All orders of the customer")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/{customerId}/calls", GetCalls)
            .WithName("GetCustomerCalls")
            .WithSummary("All confirmed calls about the customer: about their orders, for tasks, and others; newest first")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Created<CustomerResponse>> CreateCustomer(CustomerProfile profile, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains, CrmClock clock)
    {
        // Under an Idempotency-Key the id is the key's (per user), so a retry after a failure reaches the customer it made.
        var scope = IdempotencyKeys.Scope(http, user, "customer");
        var id = scope is null ? LetterIds.New("cus") : LetterIds.From("cus", scope);
        var customer = await grains.GetGrain<ICustomerGrain>(id).CreateAsync(profile.ToCommand());
        return TypedResults.Created($"/api/v1/customers/{id}", CustomerResponse.From(customer, clock.GetUtcNow()));
    }

    public static async Task<Ok<Page<CustomerEntry>>> SearchCustomers(
        ICustomerDirectory directory, [FromQuery] string? q, [FromQuery] int? skip, [FromQuery] int? take, CancellationToken cancellationToken)
    {
        var (s, t) = EndpointConventions.Paging(skip, take);
        var v = new Validator();
        v.Text("q", q, Validator.NameMaxLength);
        v.ThrowIfInvalid();
        return TypedResults.Ok(await directory.SearchAsync(q, s, t, cancellationToken));
    }

    public static async Task<Ok<CustomerResponse>> GetCustomer(string customerId, IGrainFactory grains, CrmClock clock) =>
        TypedResults.Ok(CustomerResponse.From(await LoadAsync(customerId, grains), clock.GetUtcNow()));

    public static async Task<Created<CustomerNote>> AddNote(string customerId, NoteRequest note, IGrainFactory grains, ClaimsPrincipal user)
    {
        EndpointConventions.PathId("customerId", customerId);
        var added = await grains.GetGrain<ICustomerGrain>(customerId).AddNoteAsync(note.Text, user.UserId());
        return TypedResults.Created($"/api/v1/customers/{customerId}/notes/{added.Id}", CustomerNote.From(added));
    }

    public static async Task<NoContent> DeleteNote(string customerId, string noteId, IGrainFactory grains)
    {
        EndpointConventions.PathId("customerId", customerId);
        EndpointConventions.PathId("noteId", noteId);
        await grains.GetGrain<ICustomerGrain>(customerId).DeleteNoteAsync(noteId);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CustomerResponse>> SetAutoPayments(
        string customerId, AutoPaymentsRequest request, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock)
    {
        EndpointConventions.PathId("customerId", customerId);
        var v = new Validator();
        v.Required("enabled", request.Enabled);
        v.ThrowIfInvalid();
        var customer = await grains.GetGrain<ICustomerGrain>(customerId).SetAutoPaymentsAsync(request.Enabled!.Value, user.UserId());
        return TypedResults.Ok(CustomerResponse.From(customer, clock.GetUtcNow()));
    }

    public static async Task<Ok<IReadOnlyList<OrderEntry>>> GetOrders(string customerId, IGrainFactory grains, IOrderDirectory orders)
    {
        await LoadAsync(customerId, grains);
        return TypedResults.Ok((await orders.SearchAsync(new OrderQuery(CustomerId: customerId, Take: 200))).Items);
    }

    public static async Task<Ok<CustomerCallsView>> GetCalls(string customerId, IGrainFactory grains, ICallDirectory calls)
    {
        await LoadAsync(customerId, grains);
        return TypedResults.Ok(CustomerCallsView.Of(customerId, await calls.ForCustomerAsync(customerId, ReportsApi.MaxCalls)));
    }

    private static async Task<Customer> LoadAsync(string customerId, IGrainFactory grains)
    {
        EndpointConventions.PathId("customerId", customerId);
        return await grains.GetGrain<ICustomerGrain>(customerId).GetAsync() ?? throw DomainException.NotFound("Customer", customerId);
    }
}
