# PSDocker beside other modules: the official Docker.DotNet 3.125.15 (what Add-Type scripts, the
# archived Docker-PowerShell module and other tools load) in the same session as PSDocker, in both
# orders, each in a fresh pwsh. PSDocker's own Docker.DotNet (4.3) and its packages load in
# PSDocker's AssemblyLoadContext, so neither copy breaks the other.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')

    # The package tests/Pester/Pester.proj restores from NuGet into the package cache.
    $cache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $script:OtherDockerDotNet = Join-Path $cache 'docker.dotnet/3.125.15/lib/netstandard2.0/Docker.DotNet.dll'
    if (-not (Test-Path $OtherDockerDotNet)) {
        throw "Docker.DotNet 3.125.15 is not at ${OtherDockerDotNet}: dotnet restore tests/Pester/Pester.proj fetches it."
    }
    $script:Manifest = Join-Path $RepoRoot 'out/PSDocker/PSDocker.psd1'

    # Runs a script in a fresh pwsh (nothing loaded before it) and returns its output lines.
    function Invoke-FreshPwsh([string] $Script) {
        $file = Join-Path ([System.IO.Path]::GetTempPath()) "psd-isolation-$TestRunId-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content $file -Value $Script
        try {
            $pwsh = [System.Environment]::ProcessPath
            $pwshArguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
            & $pwsh @pwshArguments -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
        }
        finally {
            Remove-Item $file -ErrorAction Ignore
        }
    }

    # What the session reports after both are loaded: which Docker.DotNet versions, in which contexts,
    # and whether Get-Container reached the engine (it lists a container this test made).
    $script:Report = @'
$ErrorActionPreference = 'Stop'
$names = @(Get-Container -Label 'psdocker.pester={RUN}' | ForEach-Object Name)
"listed=$($names -join ',')"
"other=$([Docker.DotNet.DockerClientConfiguration].Assembly.GetName().Version)"
"otherclient=$(([Docker.DotNet.DockerClientConfiguration]::new([uri]'unix:///nonexistent.sock')).CreateClient().GetType().Assembly.GetName().Version)"
foreach ($a in [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Docker.DotNet' }) {
    "loaded=$($a.GetName().Version)@$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($a).GetType().Name)"
}
"type=$((Get-Container -Label 'psdocker.pester={RUN}' | Select-Object -First 1).GetType().FullName)"
"literal=$([PSDocker.ContainerState]::Running)"
'@.Replace('{RUN}', $TestRunId)

    $script:Container = New-TestName
    & docker create --label "psdocker.pester=$TestRunId" --name $Container $TestImage true > $null
}

AfterAll {
    Remove-TestContainers
}

Describe 'PSDocker beside another Docker.DotNet' {
    It 'imports and works after Docker.DotNet 3.125.15 was loaded' {
        $out = Invoke-FreshPwsh ("Add-Type -Path '$OtherDockerDotNet'`nImport-Module '$Manifest'`n" + $Report)
        $out | Should -Contain "listed=$Container"
        $out | Should -Contain 'other=3.125.0.0'
        $out | Should -Contain 'otherclient=3.125.0.0'
        $out | Should -Contain 'loaded=3.125.0.0@DefaultAssemblyLoadContext'
        $out | Should -Contain 'loaded=4.3.0.0@EngineLoadContext'
        $out | Should -Contain 'type=PSDocker.Container'
        $out | Should -Contain 'literal=Running'
    }

    It 'leaves Docker.DotNet 3.125.15 loadable after PSDocker was imported and used' {
        $out = Invoke-FreshPwsh ("Import-Module '$Manifest'`n`$null = Get-Container -Label 'psdocker.pester=$TestRunId'`nAdd-Type -Path '$OtherDockerDotNet'`n" + $Report)
        $out | Should -Contain "listed=$Container"
        $out | Should -Contain 'other=3.125.0.0'
        $out | Should -Contain 'otherclient=3.125.0.0'
        $out | Should -Contain 'loaded=3.125.0.0@DefaultAssemblyLoadContext'
        $out | Should -Contain 'loaded=4.3.0.0@EngineLoadContext'
    }

    It 'keeps its engine layer out of the default context and its model in it' {
        $out = Invoke-FreshPwsh ("Import-Module '$Manifest'`n`$null = Get-Container -Label 'psdocker.pester=$TestRunId'`n" + @'
foreach ($a in [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -match '^(PSDocker|Docker\.DotNet|BouncyCastle|ICSharpCode|YamlDotNet)' }) {
    "$($a.GetName().Name)@$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($a).GetType().Name)"
}
'@)
        $out | Should -Contain 'PSDocker@DefaultAssemblyLoadContext'
        $out | Should -Contain 'PSDocker.Model@DefaultAssemblyLoadContext'
        $out | Should -Contain 'PSDocker.Engine@EngineLoadContext'
        $out | Should -Contain 'Docker.DotNet@EngineLoadContext'
        @($out | Where-Object { $_ -match '^(Docker\.DotNet|BouncyCastle|ICSharpCode|YamlDotNet|PSDocker\.Engine)' -and $_ -notmatch '@EngineLoadContext$' }) | Should -BeNullOrEmpty
    }
}
