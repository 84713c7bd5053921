# Get-ComposeConfig as a pwsh user types it, over compose files in a temporary folder: no engine is
# contacted (the compose file side: discovery, .env, interpolation, errors with their place).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')
}

Describe 'Get-ComposeConfig' {
    BeforeEach {
        $script:parent = Join-Path ([System.IO.Path]::GetTempPath()) "psd-pester-compose-$([guid]::NewGuid().ToString('N'))"
        $script:folder = Join-Path $parent 'Shop App'
        New-Item -ItemType Directory $folder | Out-Null
        Set-Content (Join-Path $folder 'compose.yaml') -Value @'
services:
  web:
    build: ./app
    ports: ["${WEB_PORT:-8080}:80"]
    environment:
      GREETING: ${GREETING}
    depends_on:
      db:
        condition: service_healthy
    volumes: [data:/data]
  db:
    image: postgres:16
    healthcheck:
      test: pg_isready
      interval: 1m30s
volumes:
  data:
'@
        Set-Content (Join-Path $folder '.env') -Value "GREETING='hello from .env'`nWEB_PORT=9090"
        Push-Location $folder
    }

    AfterEach {
        Pop-Location
        Remove-Item $parent -Recurse -Force
    }

    It 'reads compose.yaml and .env of the current location into objects' {
        $project = Get-ComposeConfig
        $project | Should -BeOfType PSDocker.ComposeProjectConfig
        $project.Name | Should -Be 'shopapp'
        $project.WorkingDirectory | Should -Be $folder
        $project.Services.Name | Should -Be @('web', 'db')
        $web = $project.Services | Where-Object Name -EQ web
        $web.Environment['GREETING'] | Should -Be 'hello from .env'
        $web.Ports[0].Published | Should -Be '9090'
        $web.Ports[0].Target | Should -Be 80
        $web.Build.Context | Should -Be (Join-Path $folder 'app')
        $web.DependsOn['db'].Condition | Should -Be 'service_healthy'
        $project.Volumes.Name | Should -Be 'shopapp_data'
    }

    It 'lets the environment win over .env, and -ProjectName name the project' {
        $env:WEB_PORT = '7070'
        try {
            $project = Get-ComposeConfig -ProjectName shop
        }
        finally {
            $env:WEB_PORT = $null
        }
        $project.Name | Should -Be 'shop'
        ($project.Services | Where-Object Name -EQ web).Ports[0].Published | Should -Be '7070'
    }

    It 'finds the file from a sub folder, as docker compose does' {
        $sub = New-Item -ItemType Directory (Join-Path $folder 'src/deep')
        Push-Location $sub
        try {
            (Get-ComposeConfig).ConfigFiles | Should -Be @((Join-Path $folder 'compose.yaml'))
        }
        finally {
            Pop-Location
        }
    }

    It 'merges piped files in the order they come' {
        Set-Content (Join-Path $folder 'b.yaml') -Value "services:`n  db:`n    image: postgres:17"
        $project = Get-Item (Join-Path $folder 'compose.yaml'), (Join-Path $folder 'b.yaml') | Get-ComposeConfig
        $project.ConfigFiles | Should -Be @((Join-Path $folder 'compose.yaml'), (Join-Path $folder 'b.yaml'))
        ($project.Services | Where-Object Name -EQ db).Image | Should -Be 'postgres:17'
    }

    It 'prints the resolved YAML with -AsYaml' {
        $yaml = Get-ComposeConfig -AsYaml
        $yaml | Should -BeOfType string
        $yaml | Should -Match '(?m)^name: shopapp$'
        $yaml | Should -Match '(?m)^      GREETING: hello from \.env$'
        $yaml | Should -Match '(?m)^        published: "9090"$'
        $yaml | Should -Match '(?m)^      interval: 1m30s$'
        $yaml | Should -Match '(?m)^    name: shopapp_data$'
    }

    It 'shows only the services named by -Service' {
        (Get-ComposeConfig -Service db).Services.Name | Should -Be 'db'
        Get-ComposeConfig -Service db -AsYaml | Should -Not -Match 'web:'
    }

    It 'shows services in a table like compose' {
        $text = (Get-ComposeConfig).Services | Format-Table | Out-String -Width 300
        $text | Should -Match 'NAME\s+IMAGE\s+PORTS\s+DEPENDS ON'
        $text | Should -Match 'web\s+\(build .*app\)\s+0\.0\.0\.0:9090->80/tcp\s+db'
    }

    It 'writes an error naming the file, line and column of an unknown key' {
        Add-Content (Join-Path $folder 'compose.yaml') -Value "x-ok: 1`nservices_typo: {}"
        $result = Get-ComposeConfig -ErrorAction SilentlyContinue -ErrorVariable problems
        $result | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ComposeKeyUnknown,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].TargetObject | Should -Be (Join-Path $folder 'compose.yaml')
        $problems[0].Exception.Message | Should -Be "$(Join-Path $folder 'compose.yaml'):19:1: (root) Additional property services_typo is not allowed"
    }

    It 'refuses a key compose has but PSDocker does not support, by name' {
        Add-Content (Join-Path $folder 'compose.yaml') -Value "secrets:`n  token: { file: ./token }"
        Get-ComposeConfig -ErrorAction SilentlyContinue -ErrorVariable problems | Out-Null
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ComposeKeyUnsupported,*'
        $problems[0].Exception.Message | Should -Match ':18:1: secrets: .secrets. is in the compose specification'
    }

    It 'names the variable, place and message of a missing ${VAR:?}' {
        Set-Content (Join-Path $folder 'compose.yaml') -Value "services:`n  web:`n    image: `${IMAGE:?set IMAGE first}"
        Get-ComposeConfig -ErrorAction SilentlyContinue -ErrorVariable problems | Out-Null
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ComposeVariableRequired,*'
        $problems[0].Exception.Message | Should -BeLike '*compose.yaml:3:12: error while interpolating services.web.image: required variable IMAGE is missing a value: set IMAGE first'
    }

    It 'reports bad YAML with its line' {
        Set-Content (Join-Path $folder 'compose.yaml') -Value "services:`n  web:`n    image: x`n   ports: ["
        Get-ComposeConfig -ErrorAction SilentlyContinue -ErrorVariable problems | Out-Null
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ComposeYamlInvalid,*'
        $problems[0].Exception.Message | Should -Match 'compose\.yaml:4:\d+: '
    }

    It 'reports a dependency cycle as compose does' {
        Set-Content (Join-Path $folder 'compose.yaml') -Value "services:`n  a: { image: x, depends_on: [b] }`n  b: { image: x, depends_on: [a] }"
        Get-ComposeConfig -ErrorAction SilentlyContinue -ErrorVariable problems | Out-Null
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ComposeDependencyCycle,*'
        $problems[0].Exception.Message | Should -Match 'dependency cycle detected: a -> b -> a'
    }

    It 'warns that version is obsolete and completes -Service' {
        Set-Content (Join-Path $folder 'compose.yaml') -Value "version: '3'`nservices:`n  web: { image: x }`n  worker: { image: x }"
        Get-ComposeConfig -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings.Message | Should -Match 'the attribute `version` is obsolete'
        $line = 'Get-ComposeConfig -Service w'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Be @('web', 'worker')
    }
}
