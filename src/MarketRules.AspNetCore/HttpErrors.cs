namespace MarketRules.AspNetCore;

/// <summary>The coded errors of the HTTP door itself (<c>MR.Http.*</c>): what is wrong with a request before the engine reads it.</summary>
public static class HttpErrors
{
    /// <summary>No route answers the request's path (404).</summary>
    public static readonly MessageDefinition NotFound = new(
        "MR.Http.NotFound",
        "没有与路径 {Path} 对应的接口",
        "No endpoint answers the path {Path}");

    /// <summary>The route exists but not for the request's method (405).</summary>
    public static readonly MessageDefinition MethodNotAllowed = new(
        "MR.Http.MethodNotAllowed",
        "路径 {Path} 不接受 {Method} 方法",
        "The path {Path} does not accept the method {Method}");

    /// <summary>The body's media type is not one the endpoint reads (415).</summary>
    public static readonly MessageDefinition UnsupportedMediaType = new(
        "MR.Http.UnsupportedMediaType",
        "请求体的媒体类型 {ContentType} 不受支持，应为 {Expected}",
        "The body's media type {ContentType} is not supported; expected {Expected}");

    /// <summary>Any other status without a body of its own.</summary>
    public static readonly MessageDefinition Status = new(
        "MR.Http.Status",
        "请求未能完成（HTTP {Status}）",
        "The request could not be completed (HTTP {Status})");

    /// <summary>An <c>Idempotency-Key</c> already answered another request (another method, path or body) (422).</summary>
    public static readonly MessageDefinition IdempotencyKeyReused = new(
        "MR.Http.IdempotencyKeyReused",
        "幂等键 {Key} 已用于另一个请求",
        "Idempotency key {Key} was already used for a different request");

    /// <summary>An <c>Idempotency-Key</c> that is empty, longer than 200 characters or not printable ASCII (400).</summary>
    public static readonly MessageDefinition InvalidIdempotencyKey = new(
        "MR.Http.InvalidIdempotencyKey",
        "幂等键无效：应为 1 至 200 个可打印 ASCII 字符",
        "The idempotency key is invalid: 1 to 200 printable ASCII characters");
}
