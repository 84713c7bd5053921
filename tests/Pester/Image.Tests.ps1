# What a pwsh user sees of the image cmdlets: the docker images / history views, pipelines that act on
# exactly the tag listed, -WhatIf text, completion of local references, pull/push progress against a
# registry on loopback. Every image made here is tagged psdocker-test-<runid>/… and labelled
# psdocker.pester=<runid>; AfterAll removes them (and nothing else).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEngine.ps1')
    $script:repoPrefix = "psdocker-test-$TestRunId/"

    # Commits a labelled image with a layer of its own and tags it $Reference; returns its id.
    function New-TestImage([string] $Reference) {
        $source = New-TestContainer -Command sh, -c, "echo $([guid]::NewGuid()) > /marker" -NoStart
        & docker start -a $source.Name > $null
        $id = & docker commit --change "LABEL psdocker.pester=$TestRunId" $source.Name $Reference
        if ($LASTEXITCODE -ne 0) { throw "docker commit failed for $Reference" }
        & docker rm -f $source.Name > $null
        "$id".Trim()
    }

    function Test-ImageReference([string] $Reference) {
        & docker image inspect $Reference *> $null
        $LASTEXITCODE -eq 0
    }

    # Debian's docker-registry on a free loopback port, storage in a temp directory; with -User and
    # -Password it asks for them (htpasswd). Returns the process and its address.
    function Start-TestRegistry([string] $User, [string] $Password) {
        $root = Join-Path ([System.IO.Path]::GetTempPath()) "psd-pester-registry-$TestRunId-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        New-Item -ItemType Directory $root -Force > $null
        $port = Get-FreeTcpPort
        $auth = ''
        if ($User) {
            & htpasswd -Bbn $User $Password | Set-Content (Join-Path $root 'htpasswd')
            $auth = "auth:`n  htpasswd:`n    realm: psdocker-test`n    path: $(Join-Path $root 'htpasswd')`n"
        }
        $config = Join-Path $root 'config.yml'
        Set-Content $config -Value ("version: 0.1`nlog:`n  level: warn`nstorage:`n  filesystem:`n    rootdirectory: $(Join-Path $root 'data')`nhttp:`n  addr: 127.0.0.1:$port`n" + $auth)
        $process = Start-Process /usr/bin/docker-registry -ArgumentList 'serve', $config -PassThru -RedirectStandardError (Join-Path $root 'err.log') -RedirectStandardOutput (Join-Path $root 'out.log')
        $client = [System.Net.Http.HttpClient]::new()
        try {
            foreach ($attempt in 1..100) {
                try { $null = $client.GetAsync("http://127.0.0.1:$port/v2/").GetAwaiter().GetResult(); break } catch { Start-Sleep -Milliseconds 100 }
            }
        }
        finally { $client.Dispose() }
        [pscustomobject]@{ Process = $process; Address = "127.0.0.1:$port"; Root = $root }
    }

    function Stop-TestRegistry($Registry) {
        if ($Registry) {
            Stop-Process -Id $Registry.Process.Id -ErrorAction Ignore
            $Registry.Process.WaitForExit(10000) | Out-Null
            Remove-Item $Registry.Root -Recurse -Force -ErrorAction Ignore
        }
    }

    $script:registry = Start-TestRegistry
    $script:registryAddress = $registry.Address
}

AfterAll {
    Remove-TestContainers
    $tags = @(& docker images --format '{{.Repository}}:{{.Tag}}' | Where-Object { $_ -like "*$repoPrefix*" })
    if ($tags.Count -gt 0) { & docker rmi -f @tags *> $null }
    $ids = @(& docker images -q --filter "label=psdocker.pester=$TestRunId" | Sort-Object -Unique)
    if ($ids.Count -gt 0) { & docker rmi -f @ids *> $null }
    Stop-TestRegistry $registry
}

Describe 'Get-Image' {
    BeforeAll {
        $script:multi = "${repoPrefix}multi"
        $script:multiId = New-TestImage "${multi}:a"
        & docker tag "${multi}:a" "${multi}:b"
    }

    It 'emits one Image per repo:tag, each with the image id, a DateTime and a byte size' {
        $images = @(Get-Image $multi)

        $images | Should -HaveCount 2
        $images.Tag | Sort-Object | Should -Be 'a', 'b'
        $images | ForEach-Object {
            $_ | Should -BeOfType PSDocker.Image
            $_.Id | Should -Be $multiId
            $_.Created | Should -BeOfType datetime
            $_.Size | Should -BeOfType long
        }
    }

    It 'shows the docker images columns' {
        $text = Get-Image "${multi}:a" | Out-String -Width 200

        $text | Should -Match 'REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE'
        $text | Should -Match ([regex]::Escape($multi) + '\s+a\s+' + $multiId.Substring(7, 12) + '\s+.+ago\s+[\d.]+[kMG]?B')
    }

    It 'matches repo:tag wildcards and repository wildcards' {
        (Get-Image "${multi}:[b]").Tag | Should -Be 'b'
        @(Get-Image "${repoPrefix}mul*") | Should -HaveCount 2
    }

    It 'writes ImageNotFound for a reference nothing has' {
        Get-Image "${repoPrefix}never:1" -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ImageNotFound,PSDocker.Commands.GetImageCommand'
    }
}

Describe 'Get-ImageHistory and Get-ImageDetail' {
    BeforeAll {
        $script:histRef = "${repoPrefix}hist:1"
        $script:histId = New-TestImage $histRef
    }

    It 'shows the docker history columns, newest step first' {
        $layers = @(Get-ImageHistory $histRef)
        $layers[0].Id | Should -Be $histId
        $layers[0] | Should -BeOfType PSDocker.ImageLayer

        ($layers | Out-String -Width 200) | Should -Match 'IMAGE\s+CREATED\s+CREATED BY\s+SIZE\s+COMMENT'
    }

    It 'inspects a piped image' {
        $detail = Get-Image $histRef | Get-ImageDetail
        $detail | Should -BeOfType PSDocker.ImageDetail
        $detail.Id | Should -Be $histId
        $detail.Labels['psdocker.pester'] | Should -Be $TestRunId
    }
}

Describe 'Remove-Image' {
    It 'untags only the piped tag; the image goes with its last tag' {
        $repo = "${repoPrefix}untag"
        $id = New-TestImage "${repo}:a"
        & docker tag "${repo}:a" "${repo}:b"

        Get-Image "${repo}:a" | Remove-Image

        Test-ImageReference "${repo}:a" | Should -BeFalse
        Test-ImageReference "${repo}:b" | Should -BeTrue
        Remove-Image "${repo}:b"
        Test-ImageReference $id | Should -BeFalse
    }

    It 'refuses an image a container uses with ImageInUse, and keeps it' {
        $ref = "${repoPrefix}inuse:1"
        New-TestImage $ref > $null
        & docker create --label "psdocker.pester=$TestRunId" $ref true > $null

        Remove-Image $ref -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -Be 'ImageInUse,PSDocker.Commands.RemoveImageCommand'
        $err[0].Exception.Message | Should -Match '-Force'
        Test-ImageReference $ref | Should -BeTrue
    }

    It 'says what -WhatIf would remove, and removes nothing' {
        $ref = "${repoPrefix}whatif:1"
        New-TestImage $ref > $null

        $shown = Invoke-UserScript "Remove-Image '$ref' -WhatIf"

        $shown | Should -Match ([regex]::Escape("What if: Performing the operation `"Remove`" on target `"$ref`"."))
        Test-ImageReference $ref | Should -BeTrue
    }

    It 'prunes with -Force by label only' {
        $ref = "${repoPrefix}prune:1"
        $id = New-TestImage $ref

        $result = Remove-Image -Prune -All -Label "psdocker.pester=$TestRunId" -Force

        $result.ResourceType | Should -Be 'Image'
        $result.Deleted | Should -Contain $id
        Test-ImageReference $ref | Should -BeFalse
        Test-ImageReference $TestImage | Should -BeTrue
    }
}

Describe 'Image completion' {
    It 'completes local repo:tag references for the image cmdlets and -Image' {
        $ref = "${repoPrefix}complete:1"
        New-TestImage $ref > $null

        foreach ($line in "Remove-Image $repoPrefix", "Get-ImageDetail -Name $repoPrefix", "New-Container -Image $repoPrefix") {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $ref -Because $line
        }
    }
}

Describe 'Publish-Image and Install-Image' {
    It 'push, remove, pull: the same image id, with a progress record per layer' {
        $source = "${repoPrefix}rt:1"
        $id = New-TestImage $source
        $remote = "$registryAddress/${repoPrefix}rt:1"

        $pushed = Add-ImageTag $source -Tag $remote -PassThru | Publish-Image
        $pushed.Reference | Should -Be $remote
        Remove-Image $remote, $source
        Test-ImageReference $id | Should -BeFalse

        $pulled = Install-Image $remote
        $pulled.Id | Should -Be $id
        (& docker image inspect --format '{{.Id}}' $remote) | Should -Be $id
    }

    It 'reports an unknown tag as ImagePullFailed naming the image, and emits nothing' {
        $remote = "$registryAddress/${repoPrefix}never:1"

        $out = Install-Image $remote -ErrorVariable err -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ImagePullFailed,PSDocker.Commands.InstallImageCommand'
        $err[0].TargetObject | Should -Be $remote
        $err[0].Exception.Message | Should -Match ([regex]::Escape("Unable to pull image '$remote'"))
    }

    It 'shows a child progress bar per layer under the pull' {
        $remote = "$registryAddress/${repoPrefix}rt:1"
        Remove-Image $remote -ErrorAction SilentlyContinue

        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument((Join-Path $RepoRoot 'out/PSDocker/PSDocker.psd1')).AddStatement().AddCommand('Install-Image').AddArgument($remote)
            $null = $ps.Invoke()
            $records = @($ps.Streams.Progress)
        }
        finally {
            $ps.Dispose()
        }

        $records | Where-Object Activity -EQ "Pulling image $remote" | Should -Not -BeNullOrEmpty
        $layers = @($records | Where-Object { $_.Activity -like 'Layer *' })
        $layers | Should -Not -BeNullOrEmpty
        $layers | ForEach-Object { $_.ParentActivityId | Should -Be 1 }
    }
}

Describe 'Save-Image and Import-Image' {
    BeforeAll {
        $script:archiveDir = Join-Path ([System.IO.Path]::GetTempPath()) "psd-pester-archive-$TestRunId"
        New-Item -ItemType Directory $archiveDir -Force > $null
    }

    AfterAll {
        Remove-Item $archiveDir -Recurse -Force -ErrorAction Ignore
    }

    It 'saves several images to one archive and loads them back by id' {
        $a = "${repoPrefix}save-a:1"; $b = "${repoPrefix}save-b:1"
        $idA = New-TestImage $a; $idB = New-TestImage $b
        $path = Join-Path $archiveDir 'two.tar'

        Save-Image $a, $b -Path $path
        Remove-Image $a, $b
        $loaded = Get-ChildItem $path | Import-Image

        $loaded | ForEach-Object { $_ | Should -BeOfType PSDocker.Image }
        ($loaded | Where-Object Reference -EQ $a).Id | Should -Be $idA
        ($loaded | Where-Object Reference -EQ $b).Id | Should -Be $idB
        @(Get-ChildItem $archiveDir -Force).Name | Should -Be 'two.tar'
    }

    It 'refuses to overwrite without -Force' {
        $path = Join-Path $archiveDir 'exists.txt'
        Set-Content $path 'keep'

        { Save-Image $TestImage -Path $path } | Should -Throw -ErrorId 'FileExists,PSDocker.Commands.SaveImageCommand'
        Get-Content $path | Should -Be 'keep'
    }
}

Describe 'Export-Container and New-Image' {
    BeforeAll {
        $script:exportDir = Join-Path ([System.IO.Path]::GetTempPath()) "psd-pester-export-$TestRunId"
        New-Item -ItemType Directory $exportDir -Force > $null
    }

    AfterAll {
        Remove-Item $exportDir -Recurse -Force -ErrorAction Ignore
    }

    It 'exports a container, imports it as an image, and runs it' {
        $source = New-TestContainer -Command sh, -c, 'echo flat > /marker' -NoStart
        & docker start -a $source.Name > $null
        $path = Join-Path $exportDir 'web.tar'
        $tag = "${repoPrefix}flat:1"

        Export-Container $source.Name -Path $path
        $image = New-Image -FileSystem $path -Tag $tag -Change 'ENV PATH=/bin'

        $image | Should -BeOfType PSDocker.Image
        $image.Reference | Should -Be $tag
        Invoke-Container -Image $tag -Command cat, /marker -Remove -Label $TestLabel | Should -Be 'flat'
    }

    It 'commits a container with a message and an author; a run shows the change' {
        $source = New-TestContainer -Command sh, -c, 'echo committed > /change' -NoStart
        & docker start -a $source.Name > $null
        $tag = "${repoPrefix}commit:2"

        $image = New-Image -Container $source.Name -Tag $tag -Message 'has update' -Author ops

        $image.Reference | Should -Be $tag
        (& docker image inspect --format '{{.Comment}}|{{.Author}}' $tag) | Should -Be 'has update|ops'
        Invoke-Container -Image $tag -Command cat, /change -Remove -Label $TestLabel | Should -Be 'committed'
    }

    It 'completes -Container with container names' {
        $source = New-TestContainer -NoStart
        $line = "New-Image -Container $($source.Name.Substring(0, $source.Name.Length - 2))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $source.Name
    }
}

Describe 'Connect-Registry and Disconnect-Registry' {
    BeforeAll {
        $script:authRegistry = Start-TestRegistry -User 'psdocker' -Password 'Corr3ct-Horse-psd'
    }

    AfterAll {
        Disconnect-Registry $authRegistry.Address
        Stop-TestRegistry $authRegistry
    }

    It 'reports a wrong password as RegistryAuthenticationFailed, showing the password nowhere' {
        $secret = 'Wr0ng-Pa55-pester'
        $cred = [pscredential]::new('psdocker', (ConvertTo-SecureString $secret -AsPlainText -Force))

        $shown = Invoke-UserScript "`$c = [pscredential]::new('psdocker', (ConvertTo-SecureString '$secret' -AsPlainText -Force)); Connect-Registry $($authRegistry.Address) -Credential `$c -Verbose -Debug"
        Connect-Registry $authRegistry.Address -Credential $cred -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -Be 'RegistryAuthenticationFailed,PSDocker.Commands.ConnectRegistryCommand'
        $shown | Should -Match 'did not accept the credentials'
        ($shown -replace [regex]::Escape("ConvertTo-SecureString '$secret'"), '') | Should -Not -Match ([regex]::Escape($secret))
        "$($err[0]) $($err[0].Exception)" | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'lets a push work for the session after the right password' {
        $cred = [pscredential]::new('psdocker', (ConvertTo-SecureString 'Corr3ct-Horse-psd' -AsPlainText -Force))
        $remote = "$($authRegistry.Address)/${repoPrefix}auth:1"
        New-TestImage $remote > $null

        Connect-Registry $authRegistry.Address -Credential $cred
        (Publish-Image $remote).Reference | Should -Be $remote
    }
}

Describe 'Find-Image' {
    It 'reports an index nobody answers as one ImageSearchFailed naming the term' {
        $term = "127.0.0.1:$(Get-FreeTcpPort)/busybox"

        $out = Find-Image $term -ErrorVariable err -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ImageSearchFailed,PSDocker.Commands.FindImageCommand'
        $err[0].TargetObject | Should -Be $term
    }
}

Describe 'Build-Image' {
    BeforeAll {
        $script:buildDir = Join-Path ([System.IO.Path]::GetTempPath()) "psd-pester-build-$TestRunId"
        $script:buildContext = Join-Path $buildDir 'ctx'
        New-Item -ItemType Directory (Join-Path $buildContext 'sub') -Force > $null
        # LABEL right after FROM: even a failed build's intermediate images carry the run label.
        $from = "FROM $TestImage`nLABEL psdocker.pester=$TestRunId`n"
        Set-Content (Join-Path $buildContext 'Dockerfile') -Value ($from + "ARG V=unset`nCOPY . /ctx`nRUN echo `"v=`$V`"`n")
        Set-Content (Join-Path $buildContext '.dockerignore') -Value "secret.txt`nsub`n!sub/keep.txt"
        Set-Content (Join-Path $buildContext 'secret.txt') -Value 'secret'
        Set-Content (Join-Path $buildContext 'sub/drop.txt') -Value 'drop'
        Set-Content (Join-Path $buildContext 'sub/keep.txt') -Value 'keep'
        $script:failContext = Join-Path $buildDir 'fail'
        New-Item -ItemType Directory $failContext -Force > $null
        Set-Content (Join-Path $failContext 'Dockerfile') -Value ($from + "RUN exit 3`n")
    }

    AfterAll {
        Remove-Item $buildDir -Recurse -Force -ErrorAction Ignore
    }

    It 'writes the build output to the information stream and emits the built image' {
        $tag = "${repoPrefix}build-built:1"

        $image = Build-Image $buildContext -Tag $tag -BuildArg @{ V = '7' } -Label $TestLabel -InformationVariable info

        $image | Should -BeOfType PSDocker.Image
        $image.Reference | Should -Be $tag
        $image.Id | Should -Be (& docker image inspect --format '{{.Id}}' $tag)
        $info.MessageData | Should -Contain 'v=7'
        @($info.MessageData -like 'Step */6 : *').Count | Should -Be 6
        $info[0].Tags | Should -Contain 'PSDocker'
        $info[0].Tags | Should -Contain 'Build'
        $files = & docker run --rm --label "psdocker.pester=$TestRunId" $tag find /ctx -type f
        $files | Should -Contain '/ctx/sub/keep.txt'
        $files | Should -Not -Contain '/ctx/secret.txt'
        $files | Should -Not -Contain '/ctx/sub/drop.txt'
    }

    It 'shows the steps in the progress bar' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Join-Path $RepoRoot 'out/PSDocker/PSDocker.psd1')'; Build-Image '$buildContext' -Tag '${repoPrefix}build-built:2' -NoCache -Label @{ 'psdocker.pester' = '$TestRunId' }")
            $null = $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $statuses = $ps.Streams.Progress | ForEach-Object StatusDescription
            $statuses | Should -Contain 'Step 4/6 : COPY . /ctx'
            $ps.Streams.Progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }
    }

    It 'names the context and the tags in the -WhatIf text' {
        $out = Invoke-UserScript "Build-Image '$buildContext' -Tag app:1, app:2 -WhatIf"

        $out | Should -Match ([regex]::Escape("What if: Performing the operation `"Build image`" on target `"$buildContext as app:1, app:2`"."))
        & docker image inspect app:2 *> $null
        $LASTEXITCODE | Should -Not -Be 0
    }

    It 'reports a failing step as an error record naming the step, and emits nothing' {
        $out = Build-Image $failContext -Tag "${repoPrefix}build-fail:1" -Label $TestLabel -ForceRemove -ErrorVariable err -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ImageBuildFailed,PSDocker.Commands.BuildImageCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $err[0].TargetObject | Should -Be $failContext
        $err[0].Exception.Message | Should -BeLike '*Step 3/4 : RUN exit 3*returned a non-zero code: 3*'
        Test-ImageReference "${repoPrefix}build-fail:1" | Should -BeFalse
    }

    It 'reports a missing context folder as ContextNotFound naming it as typed' {
        Build-Image ./no-such-folder -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -Be 'ContextNotFound,PSDocker.Commands.BuildImageCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be './no-such-folder'
    }

    It 'completes -Tag with local image references' {
        $tag = "${repoPrefix}build-complete:1"
        New-TestImage $tag > $null
        $line = "Build-Image -Tag $($tag.Substring(0, $tag.Length - 3))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $tag
    }
}
