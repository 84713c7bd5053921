using System.Net.Http;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class ArchiveDownloadHandlerTests
{
    [Theory]
    [InlineData("GET", "http://docker.sock/v1.41/images/get?names=busybox", true)]
    [InlineData("GET", "http://docker.sock/v1.41/images/busybox:latest/get", true)]
    [InlineData("GET", "http://docker.sock/v1.41/images/registry.local:5000/team/app:1/get", true)]
    [InlineData("GET", "http://docker.sock/v1.41/containers/3f2a/export", true)]
    [InlineData("GET", "http://docker.sock/v1.41/images/get/json", false)]
    [InlineData("GET", "http://docker.sock/v1.41/containers/json?all=1", false)]
    [InlineData("GET", "http://docker.sock/v1.41/containers/3f2a/archive?path=/export", false)]
    [InlineData("POST", "http://docker.sock/v1.41/images/load", false)]
    public void IsArchiveDownload_OnlyTheSaveAndExportDownloads(string method, string uri, bool expected) =>
        Assert.Equal(expected, ArchiveDownloadHandler.IsArchiveDownload(new HttpMethod(method), new Uri(uri)));
}
