#!/usr/bin/env python3
"""Rewrites the device projects' .nfproj and packages.config (and the nano test project's) from the
source tree and the pinned package table below. Run it after adding or removing a Core, adapter or
test source file; the host check (firmware/HelpPoint.NanoCheck) fails until the lists match.

  python3 firmware/tools/write_nfproj.py
"""
import os, glob
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
PK={ # id: (version, [(assembly, asmversion, dll)])
 'nanoFramework.CoreLibrary':('1.17.11',[('mscorlib','1.17.11.0','mscorlib.dll')]),
 'nanoFramework.Runtime.Events':('1.11.37',[('nanoFramework.Runtime.Events','1.11.37.0','nanoFramework.Runtime.Events.dll')]),
 'nanoFramework.Runtime.Native':('1.7.11',[('nanoFramework.Runtime.Native','1.7.11.0','nanoFramework.Runtime.Native.dll')]),
 'nanoFramework.System.Collections':('1.5.75',[('nanoFramework.System.Collections','1.5.75.0','nanoFramework.System.Collections.dll')]),
 'nanoFramework.System.Text':('1.3.42',[('nanoFramework.System.Text','1.3.42.0','nanoFramework.System.Text.dll')]),
 'nanoFramework.System.Threading':('1.1.52',[('System.Threading','1.1.52.34401','System.Threading.dll')]),
 'nanoFramework.System.Net':('1.11.60',[('System.Net','1.11.60.0','System.Net.dll')]),
 'nanoFramework.System.Device.Wifi':('1.5.149',[('System.Device.Wifi','1.5.149.0','System.Device.Wifi.dll')]),
 'nanoFramework.M2Mqtt':('5.1.220',[('nanoFramework.M2Mqtt','5.1.220.0','nanoFramework.M2Mqtt.dll'),('nanoFramework.M2Mqtt.Core','5.1.220.0','nanoFramework.M2Mqtt.Core.dll')]),
 'nanoFramework.System.IO.Streams':('1.1.96',[('System.IO.Streams','1.1.96.0','System.IO.Streams.dll')]),
 'nanoFramework.Json':('2.2.203',[('nanoFramework.Json','2.2.203.0','nanoFramework.Json.dll')]),
 'nanoFramework.System.IO.FileSystem':('1.1.93',[('System.IO.FileSystem','1.1.93.0','System.IO.FileSystem.dll')]),
 'nanoFramework.Hardware.Esp32':('1.6.40',[('nanoFramework.Hardware.Esp32','1.6.40.0','nanoFramework.Hardware.Esp32.dll')]),
 'nanoFramework.System.Device.Gpio':('1.1.62',[('System.Device.Gpio','1.1.62.0','System.Device.Gpio.dll')]),
 'nanoFramework.System.Device.I2c':('1.1.29',[('System.Device.I2c','1.1.29.0','System.Device.I2c.dll')]),
 'nanoFramework.System.Device.Pwm':('1.1.23',[('System.Device.Pwm','1.1.23.36628','System.Device.Pwm.dll')]),
 'nanoFramework.System.Math':('1.5.116',[('System.Math','1.5.116.0','System.Math.dll')]),
 'nanoFramework.Iot.Device.Ssd13xx':('1.3.689',[('Iot.Device.Ssd13xx','1.3.0.0','Iot.Device.Ssd13xx.dll')]),
 'nanoFramework.Graphics':('1.2.53',[('nanoFramework.Graphics','1.2.53.0','nanoFramework.Graphics.dll'),('nanoFramework.Graphics.Core','1.2.53.0','nanoFramework.Graphics.Core.dll')]),
 'nanoFramework.ResourceManager':('1.2.32',[('nanoFramework.ResourceManager','1.2.32.0','nanoFramework.ResourceManager.dll')]),
 'nanoFramework.TestFramework':('3.0.80',[('nanoFramework.TestFramework','3.0.80.0','nanoFramework.TestFramework.dll'),('nanoFramework.UnitTestLauncher','0.0.0.0','nanoFramework.UnitTestLauncher.exe')]),
}
COMMON=['nanoFramework.CoreLibrary','nanoFramework.Hardware.Esp32','nanoFramework.Json','nanoFramework.M2Mqtt','nanoFramework.Runtime.Events','nanoFramework.Runtime.Native','nanoFramework.System.Collections','nanoFramework.System.Device.Wifi','nanoFramework.System.IO.FileSystem','nanoFramework.System.IO.Streams','nanoFramework.System.Net','nanoFramework.System.Text','nanoFramework.System.Threading']

def cs_files(d):
    out=[]
    for p in sorted(glob.glob(os.path.join(ROOT,d,'**','*.cs'),recursive=True)):
        rel=os.path.relpath(p,os.path.join(ROOT,d))
        if rel.split(os.sep)[0] in ('bin','obj','nano'):
            continue
        out.append(rel)
    return out

def win(p): return p.replace('/','\\')

def project(path, name, guid, outtype, pkgs, compile_items, test=False, comment=''):
    projdir=os.path.dirname(path)
    L=[]
    L.append('<?xml version="1.0" encoding="utf-8"?>')
    L.append('<Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">')
    if comment: L.append('  <!-- '+comment+' -->')
    L.append('  <PropertyGroup Label="Globals">')
    L.append('    <NanoFrameworkProjectSystemPath>$(MSBuildExtensionsPath)\\nanoFramework\\v1.0\\</NanoFrameworkProjectSystemPath>')
    L.append('  </PropertyGroup>')
    L.append('  <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props" Condition="Exists(\'$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props\')" />')
    if test:
        L.append('  <ItemGroup>')
        L.append('    <ProjectCapability Include="TestContainer" />')
        L.append('  </ItemGroup>')
    L.append('  <PropertyGroup>')
    L.append('    <Configuration Condition=" \'$(Configuration)\' == \'\' ">Debug</Configuration>')
    L.append('    <Platform Condition=" \'$(Platform)\' == \'\' ">AnyCPU</Platform>')
    L.append('    <ProjectTypeGuids>{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}</ProjectTypeGuids>')
    L.append('    <ProjectGuid>{%s}</ProjectGuid>'%guid)
    L.append('    <OutputType>%s</OutputType>'%outtype)
    L.append('    <AppDesignerFolder>Properties</AppDesignerFolder>')
    L.append('    <FileAlignment>512</FileAlignment>')
    L.append('    <RootNamespace>%s</RootNamespace>'%name)
    L.append('    <AssemblyName>%s</AssemblyName>'%name)
    if test:
        L.append('    <IsCodedUITest>False</IsCodedUITest>')
        L.append('    <IsTestProject>true</IsTestProject>')
        L.append('    <TestProjectType>UnitTest</TestProjectType>')
    L.append('    <TargetFrameworkVersion>v1.0</TargetFrameworkVersion>')
    L.append('    <LangVersion>9.0</LangVersion>')
    L.append('    <DefineConstants>$(DefineConstants);NANOFRAMEWORK_1_0</DefineConstants>')
    L.append('    <!-- The repository\'s Directory.Build.props is for host projects: no nullable analysis or central package versions here. -->')
    L.append('    <Nullable>disable</Nullable>')
    L.append('    <ImplicitUsings>disable</ImplicitUsings>')
    L.append('    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>')
    L.append('  </PropertyGroup>')
    L.append('  <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.props" Condition="Exists(\'$(NanoFrameworkProjectSystemPath)NFProjectSystem.props\')" />')
    if test:
        L.append('  <PropertyGroup>')
        L.append('    <RunSettingsFilePath>$(MSBuildProjectDirectory)\\nano.runsettings</RunSettingsFilePath>')
        L.append('  </PropertyGroup>')
    L.append('  <ItemGroup>')
    for inc,link in compile_items:
        if link:
            L.append('    <Compile Include="%s">'%win(inc)); L.append('      <Link>%s</Link>'%win(link)); L.append('    </Compile>')
        else:
            L.append('    <Compile Include="%s" />'%win(inc))
    L.append('  </ItemGroup>')
    L.append('  <ItemGroup>')
    if test: L.append('    <None Include="nano.runsettings" />')
    L.append('    <None Include="packages.config" />')
    L.append('  </ItemGroup>')
    L.append('  <ItemGroup>')
    rel_pk=win(os.path.relpath(os.path.join(ROOT,'packages'),projdir))
    for pid in sorted(pkgs, key=lambda p: PK[p][1][0][0].lower()):
        ver,asms=PK[pid]
        for asm,av,dll in asms:
            L.append('    <Reference Include="%s, Version=%s, Culture=neutral, PublicKeyToken=c07d481e9758c731">'%(asm,av))
            L.append('      <HintPath>%s\\%s.%s\\lib\\%s</HintPath>'%(rel_pk,pid,ver,dll))
            L.append('      <Private>True</Private>')
            L.append('    </Reference>')
    L.append('  </ItemGroup>')
    L.append('  <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets" Condition="Exists(\'$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets\')" />')
    L.append('  <ProjectExtensions>')
    L.append('    <ProjectCapabilities>')
    L.append('      <ProjectConfigurationsDeclaredAsItems />')
    L.append('    </ProjectCapabilities>')
    L.append('  </ProjectExtensions>')
    L.append('</Project>')
    open(path,'w',newline='\r\n').write('\n'.join(L)+'\n')
    P=['<?xml version="1.0" encoding="utf-8"?>','<packages>']
    for pid in sorted(pkgs):
        dev=' developmentDependency="true"' if pid=='nanoFramework.TestFramework' else ''
        P.append('  <package id="%s" version="%s" targetFramework="netnano1.0"%s />'%(pid,PK[pid][0],dev))
    P.append('</packages>')
    open(os.path.join(projdir,'packages.config'),'w',newline='\r\n').write('\n'.join(P)+'\n')

def app(d, name, guid, extra, adapters):
    items=[]
    for f in cs_files('firmware/HelpPoint.Core'):
        items.append(('../HelpPoint.Core/'+f,'Core/'+f))
    for f in adapters:
        items.append(('../HelpPoint.Adapters/'+f,'Adapters/Shared/'+f))
    for f in cs_files(d):
        items.append((f,None))
    project(os.path.join(ROOT,d,name+'.nfproj'),name,guid,'Exe',COMMON+extra,items,
      comment='The device app. Core and the shared adapters are linked source files; the host check (firmware/HelpPoint.NanoCheck) verifies this list, the packages and the code.')

app('firmware/HelpPoint.Button','HelpPoint.Button','6E1C3B52-8F0B-4C1E-9C2A-4D1B7A3E5F01',
    ['nanoFramework.System.Device.Gpio','nanoFramework.System.Device.I2c','nanoFramework.System.Device.Pwm','nanoFramework.System.Math','nanoFramework.Iot.Device.Ssd13xx'],
    ['DeviceClock.cs','DeviceMetrics.cs','DeviceRandom.cs','FlashPhraseSource.cs','FlashStorage.cs','JsonConfigFile.cs','M2MqttConnection.cs','PixelFont.cs','WifiLink.cs','WifiStart.cs'])
app('firmware/HelpPoint.Board','HelpPoint.Board','9B4D2E61-3A7F-4B8C-8D1E-2F6A5C7B9D02',
    ['nanoFramework.Graphics','nanoFramework.ResourceManager'],
    ['DeviceClock.cs','DeviceMetrics.cs','DeviceRandom.cs','FlashPhraseSource.cs','FlashStorage.cs','JsonConfigFile.cs','M2MqttConnection.cs','PixelFont.cs','WifiLink.cs','WifiStart.cs'])

# nano test project
items=[]
for f in cs_files('firmware/HelpPoint.Core'):
    items.append(('../../firmware/HelpPoint.Core/'+f,'Core/'+f))
items.append(('../../firmware/HelpPoint.Adapters/PixelFont.cs','Adapters/PixelFont.cs'))
for f in cs_files('firmware.Tests'):
    text=open(os.path.join(ROOT,'firmware.Tests',f),encoding='utf-8-sig').read().lstrip()
    if text.startswith('#if !NANOFRAMEWORK_1_0'):
        continue
    items.append(('../'+f,f))
project(os.path.join(ROOT,'firmware.Tests/nano/HelpPoint.Firmware.Tests.Nano.nfproj'),'HelpPoint.Firmware.Tests.Nano','3C7E9A14-6B2D-4F5E-A1C8-7D9E0B2F4A03','Library',
   ['nanoFramework.CoreLibrary','nanoFramework.System.Collections','nanoFramework.System.Text','nanoFramework.TestFramework'],items,test=True,
   comment='The same firmware tests on nanoFramework (nanoCLR virtual device or a real board). Links every test source except the .NET-only ones (they start with #if !NANOFRAMEWORK_1_0); the host check verifies the list.')
