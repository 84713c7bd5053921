<#
.SYNOPSIS
    Makes the module's help from docs/help with PlatyPS: the MAML file Get-Help reads for the
    cmdlets (PSDocker.dll-Help.xml) and about_PSDocker.help.txt, into src/PSDocker/en-US.

.DESCRIPTION
    The help is committed in src/PSDocker/en-US, and every build copies it into out/PSDocker/en-US,
    so building needs neither PlatyPS nor pwsh. Run this (./build.ps1 -Help) after changing
    docs/help; tests/Pester/Help.Tests.ps1 runs it into a temporary folder and fails when the
    committed files differ from what it makes.

    Reads the PlatyPS 1.0 markdown (docs/help/<Cmdlet>.md), exports it with Export-MamlCommandHelp,
    then makes the MAML read the way Get-Help expects:
    - each parameter's default value (the markdown's DefaultValue; "None" gives none), which the
      exporter leaves out;
    - prose paragraphs on one line each, so that Get-Help wraps them to the console (code and list
      items keep their lines);
    - examples as code and remarks: the first powershell block is the example's code, without its
      markdown fences, and the rest (output blocks, prose) are its remarks;
    - related links to other help pages by name only (a relative .md address is no place for
      Get-Help -Online to open), web pages with their address.
    About topics become plain help text: TOPIC / SHORT DESCRIPTION / LONG DESCRIPTION headings, text
    indented and wrapped, code blocks indented without fences, tables as aligned columns.

    PlatyPS (Microsoft.PowerShell.PlatyPS 1.0, not on NuGet) is imported from -PlatyPSPath,
    by default ../shared/psmodules/Microsoft.PowerShell.PlatyPS beside the repository.

.EXAMPLE
    ./tools/Build-Help.ps1

.EXAMPLE
    ./tools/Build-Help.ps1 -OutputDirectory /tmp/help    # what the committed help should be
#>
[CmdletBinding()]
param(
    # The folder of the help markdown.
    [string] $Source = (Join-Path $PSScriptRoot '../docs/help'),

    # Where PSDocker.dll-Help.xml and the about_*.help.txt files go.
    [string] $OutputDirectory = (Join-Path $PSScriptRoot '../src/PSDocker/en-US'),

    # The Microsoft.PowerShell.PlatyPS module folder (1.0.x).
    [string] $PlatyPSPath = (Join-Path $PSScriptRoot '../../shared/psmodules/Microsoft.PowerShell.PlatyPS')
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

if (-not (Test-Path $PlatyPSPath)) {
    throw "PlatyPS is not at ${PlatyPSPath}: pass -PlatyPSPath (Microsoft.PowerShell.PlatyPS 1.0). The committed help in src/PSDocker/en-US still builds without it."
}
Import-Module $PlatyPSPath -MinimumVersion 1.0

$culture = 'http://schemas.microsoft.com/maml/2004/10'
$devNs = 'http://schemas.microsoft.com/maml/dev/2004/10'

# Markdown paragraph text as one line: a line break inside a paragraph or list item becomes a
# space; blank lines between paragraphs and the line of each new list item stay.
function Join-ParagraphLine([string] $Text) {
    $Text -replace '(?<=\S)[ \t]*\r?\n(?![ \t]*(\r?\n|- |\d+\. ))[ \t]*', ' '
}

# A fenced block's content without its fences, or $null when the text is not a fenced block.
function Get-FencedContent([string] $Text) {
    if ($Text -match '\A```[A-Za-z]*\r?\n(?<code>(?s:.*?))\r?\n?```\s*\z') { $Matches.code } else { $null }
}

function New-MamlElement([xml] $Document, [string] $Prefix, [string] $Name, [string] $Namespace, [string] $Text) {
    $element = $Document.CreateElement($Prefix, $Name, $Namespace)
    if ($null -ne $Text) { $element.InnerText = $Text }
    $element
}

function Update-Maml([string] $Path, [object[]] $CommandHelp, [string] $Destination) {
    $maml = [xml]::new()
    $maml.PreserveWhitespace = $false
    $maml.Load($Path)
    $ns = [System.Xml.XmlNamespaceManager]::new($maml.NameTable)
    $ns.AddNamespace('maml', $culture)
    $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    $ns.AddNamespace('dev', $devNs)
    $ns.AddNamespace('msh', 'http://msh')

    # PlatyPS marks the gap between an example's blocks with a U+0080 paragraph.
    foreach ($para in @($maml.SelectNodes('//maml:para', $ns))) {
        if ($para.InnerText -eq [string][char]0x80) { $null = $para.ParentNode.RemoveChild($para) }
    }

    foreach ($example in $maml.SelectNodes('//command:example', $ns)) {
        $introduction = $example.SelectSingleNode('maml:introduction', $ns)
        $code = $example.SelectSingleNode('dev:code', $ns)
        $remarks = $example.SelectSingleNode('dev:remarks', $ns)
        $blocks = @(if ($introduction) { $introduction.SelectNodes('maml:para', $ns) | ForEach-Object InnerText })
        $blocks += @($remarks.SelectNodes('maml:para', $ns) | ForEach-Object InnerText)
        # A fenced block with a blank line inside comes as several paragraphs: one block again.
        $merged = [System.Collections.Generic.List[string]]::new()
        $open = $false
        foreach ($block in $blocks) {
            if ($open) { $merged[$merged.Count - 1] += "`n`n$block" } else { $merged.Add($block) }
            $text = $merged[$merged.Count - 1]
            $open = $text -match '\A```' -and $text -notmatch '\n```\s*\z'
        }
        $blocks = $merged
        $codeText = $null
        $rest = foreach ($block in $blocks) {
            $fenced = Get-FencedContent $block
            if ($null -eq $codeText -and $block -match '\A```powershell') { $codeText = $fenced }
            elseif ($null -ne $fenced) { $fenced }
            else { Join-ParagraphLine $block }
        }
        if ($introduction) { $null = $example.RemoveChild($introduction) }
        $code.InnerText = if ($null -ne $codeText) { $codeText } else { '' }
        $remarks.RemoveAll()
        foreach ($text in $rest) {
            $null = $remarks.AppendChild((New-MamlElement $maml 'maml' 'para' $culture $text))
        }
    }

    foreach ($para in $maml.SelectNodes('//maml:para', $ns)) {
        if ($para.ParentNode.LocalName -ne 'remarks' -or $para.ParentNode.ParentNode.LocalName -ne 'example') {
            $fenced = Get-FencedContent $para.InnerText
            $para.InnerText = if ($null -ne $fenced) { $fenced } else { Join-ParagraphLine $para.InnerText }
        }
    }

    foreach ($link in @($maml.SelectNodes('//command:relatedLinks/maml:navigationLink', $ns))) {
        $uri = $link.SelectSingleNode('maml:uri', $ns)
        if (-not $uri.InnerText) {
            # PlatyPS's "Online Version" entry with no address: nothing to show or open.
            if ($link.SelectSingleNode('maml:linkText', $ns).InnerText -eq 'Online Version') {
                $null = $link.ParentNode.RemoveChild($link)
            }
        }
        elseif (-not [uri]::IsWellFormedUriString($uri.InnerText, [UriKind]::Absolute)) {
            $uri.InnerText = ''
        }
    }

    foreach ($command in $maml.SelectNodes('/msh:helpItems/command:command', $ns)) {
        $name = $command.SelectSingleNode('command:details/command:name', $ns).InnerText
        $help = $CommandHelp | Where-Object Title -EQ $name
        foreach ($parameter in $command.SelectNodes('command:parameters/command:parameter', $ns)) {
            $parameterName = $parameter.SelectSingleNode('maml:name', $ns).InnerText
            $default = ($help.Parameters | Where-Object Name -EQ $parameterName).DefaultValue
            if ($default -and $default -ne 'None' -and -not $parameter.SelectSingleNode('dev:defaultValue', $ns)) {
                $null = $parameter.AppendChild((New-MamlElement $maml 'dev' 'defaultValue' $devNs $default))
            }
        }
    }

    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Destination, $settings)
    try { $maml.Save($writer) } finally { $writer.Dispose() }
}

# Text wrapped to $Width columns, each line starting with $Indent (the first with $FirstIndent).
function Format-Wrapped([string] $Text, [string] $Indent, [string] $FirstIndent = $Indent, [int] $Width = 80) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = $FirstIndent
    $empty = $true
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if (-not $empty -and ($line.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($line)
            $line = $Indent + $word
        }
        else {
            $line = if ($empty) { $line + $word } else { "$line $word" }
        }
        $empty = $false
    }
    $lines.Add($line)
    $lines
}

# Inline markdown as plain text: `code` and **bold** lose their marks, [text](link) keeps the text.
function ConvertTo-PlainInline([string] $Text) {
    $Text = $Text -replace '\*\*(.+?)\*\*', '$1'
    $Text = $Text -replace '\[([^\]]+)\]\([^)]*\)', '$1'
    $Text -replace '`([^`]+)`', '$1'
}

# An about_ topic's markdown as help text: headings, wrapped paragraphs and lists, fenceless code,
# aligned tables.
function ConvertTo-AboutText([string] $Markdown) {
    $Markdown = $Markdown -replace '\A---\r?\n(?s:.*?)\r?\n---\r?\n\s*', ''
    $lines = $Markdown -split '\r?\n'
    $out = [System.Collections.Generic.List[string]]::new()
    $i = 0
    while ($i -lt $lines.Count) {
        $line = $lines[$i]
        if ($line -match '^# (.+)$') {
            $out.Add('TOPIC'); $out.Add("    $($Matches[1].Trim())"); $out.Add(''); $i++
        }
        elseif ($line -match '^## (.+)$') {
            $out.Add((ConvertTo-PlainInline $Matches[1]).ToUpperInvariant()); $i++
            if ($i -lt $lines.Count -and $lines[$i] -eq '') { $i++ }
        }
        elseif ($line -match '^###+ (.+)$') {
            $title = ConvertTo-PlainInline $Matches[1]
            $out.Add("  $title"); $i++
            if ($i -lt $lines.Count -and $lines[$i] -eq '') { $i++ }
        }
        elseif ($line -match '^```') {
            $i++
            while ($i -lt $lines.Count -and $lines[$i] -notmatch '^```') {
                $out.Add($(if ($lines[$i]) { "        $($lines[$i])" } else { '' })); $i++
            }
            $i++
        }
        elseif ($line -match '^\|') {
            $rows = [System.Collections.Generic.List[object]]::new()
            while ($i -lt $lines.Count -and $lines[$i] -match '^\|') {
                if ($lines[$i] -notmatch '^\|[\s|:-]+\|?$') {
                    $rows.Add(@($lines[$i].Trim().Trim('|') -split '\|' | ForEach-Object { ConvertTo-PlainInline $_.Trim() }))
                }
                $i++
            }
            $widths = @(for ($c = 0; $c -lt $rows[0].Count; $c++) { ($rows | ForEach-Object { $_[$c].Length } | Measure-Object -Maximum).Maximum })
            $first = $true
            foreach ($row in $rows) {
                $cells = for ($c = 0; $c -lt $row.Count; $c++) { if ($c -lt $row.Count - 1) { $row[$c].PadRight($widths[$c]) } else { $row[$c] } }
                $out.Add(('    ' + ($cells -join '   ')).TrimEnd())
                if ($first) {
                    $out.Add(('    ' + (($widths | ForEach-Object { '-' * $_ }) -join '   ')).TrimEnd())
                    $first = $false
                }
            }
        }
        elseif ($line -match '^\s*$') {
            if ($out.Count -and $out[$out.Count - 1] -ne '') { $out.Add('') }
            $i++
        }
        else {
            # A paragraph or a list item, up to the next blank line, list item or block.
            $bullet = if ($line -match '^(- |\d+\. )') { $Matches[1] } else { '' }
            $text = $line.Substring($bullet.Length)
            $i++
            while ($i -lt $lines.Count -and $lines[$i] -match '\S' -and $lines[$i] -notmatch '^(- |\d+\. |#|```|\|)') {
                $text += ' ' + $lines[$i].Trim(); $i++
            }
            $marker = if ($bullet -eq '- ') { '* ' } else { $bullet }
            foreach ($wrapped in Format-Wrapped (ConvertTo-PlainInline $text) -Indent ('    ' + (' ' * $marker.Length)) -FirstIndent ('    ' + $marker)) {
                $out.Add($wrapped)
            }
        }
    }
    while ($out.Count -and $out[$out.Count - 1] -eq '') { $out.RemoveAt($out.Count - 1) }
    ($out -join "`n") + "`n"
}

$null = New-Item -ItemType Directory -Force -Path $OutputDirectory
$staging = Join-Path ([System.IO.Path]::GetTempPath()) "psdocker-help-$PID-$([guid]::NewGuid().ToString('N'))"
try {
    $commandHelp = @(Get-ChildItem $Source -Filter '*-*.md' | Sort-Object Name | Import-MarkdownCommandHelp)
    $exported = Export-MamlCommandHelp -CommandHelp $commandHelp -OutputFolder $staging -Force
    Update-Maml $exported.FullName $commandHelp (Join-Path $OutputDirectory 'PSDocker.dll-Help.xml')

    $abouts = @(Get-ChildItem $Source -Filter 'about_*.md' | Sort-Object Name)
    foreach ($about in $abouts) {
        $text = ConvertTo-AboutText (Get-Content $about.FullName -Raw)
        [System.IO.File]::WriteAllText((Join-Path $OutputDirectory ($about.BaseName + '.help.txt')), $text, [System.Text.UTF8Encoding]::new($false))
    }
    Write-Host "Help: $($commandHelp.Count) cmdlets and $($abouts.Count) about topic(s) -> $OutputDirectory"
}
finally {
    Remove-Item $staging -Recurse -Force -ErrorAction Ignore
}
