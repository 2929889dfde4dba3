<?php

/**
 * Copyright 2010 SURFnet B.V.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

namespace OpenConext\EngineBlock\Tests;

use Mockery as m;
use Mockery\Adapter\Phpunit\MockeryPHPUnitIntegration;
use OpenConext\EngineBlock\Exception\InvalidDiscoveryException;
use OpenConext\EngineBlock\Metadata\AttributeReleasePolicy;
use OpenConext\EngineBlock\Metadata\Discovery;
use OpenConext\EngineBlock\Metadata\Entity\Assembler\PushMetadataAssembler;
use OpenConext\EngineBlock\Metadata\Entity\IdentityProvider;
use OpenConext\EngineBlock\Metadata\Entity\ServiceProvider;
use OpenConext\EngineBlock\Metadata\Logo;
use OpenConext\EngineBlock\Metadata\MfaEntityCollection;
use OpenConext\EngineBlock\Metadata\StepupConnections;
use OpenConext\EngineBlock\Metadata\TransparentMfaEntity;
use OpenConext\EngineBlock\Metadata\X509\X509CertificateLazyProxy;
use OpenConext\EngineBlock\Validator\AllowedSchemeValidator;
use OpenConext\EngineBlockBundle\Localization\LanguageSupportProvider;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;
use Psr\Log\LoggerInterface;
use RuntimeException;
use stdClass;

class PushMetadataAssemblerTest extends TestCase
{
    use MockeryPHPUnitIntegration;

    private $assembler;

    public function setUp(): void
    {
        $logger = m::mock(LoggerInterface::class);
        $this->assembler = new PushMetadataAssembler(
            new AllowedSchemeValidator(['http', 'https']),
            new LanguageSupportProvider(['en', 'nl'], ['en', 'nl']),
            $logger
        );
    }

    public function test_it_rejects_empty_push()
    {
        $this->expectException(RuntimeException::class);
        $this->expectExceptionMessage('Received 0 connections, refusing to process');

        $connection = '{}';
        $input = json_decode($connection);

        $this->assembler->assemble($input);
    }

    #[DataProvider('invalidAcsLocations')]
    public function test_it_rejects_invalid_acs_location_schemes($acsLocation)
    {
        $this->expectException(RuntimeException::class);

        $connection = '{
            "2d96e27a-76cf-4ca2-ac70-ece5d4c49523": {
                "allow_all_entities": true,
                "allowed_connections": [],
                "metadata": {
                    "AssertionConsumerService": [{
                        "Binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST",
                        "Index": "0",
                        "Location": "%s"
                    }],
                    "NameIDFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
                    "NameIDFormats": ["urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"],
                    "contacts": [{
                        "emailAddress": "help@example.org",
                        "surName": "OpenConext",
                        "givenName": "Support",
                        "contactType": "technical"
                    }, {
                        "emailAddress": "help@example.org",
                        "surName": "OpenConext",
                        "givenName": "Support",
                        "contactType": "support"
                    }, {
                        "emailAddress": "help@example.org",
                        "surName": "OpenConext",
                        "givenName": "Support",
                        "contactType": "administrative"
                    }],
                    "description": {
                        "en": "Test SP",
                        "nl": "Test SP"
                    },
                    "displayName": {
                        "en": "Test SP",
                        "nl": "Test SP"
                    },
                    "logo": [{
                        "width": "96",
                        "url": "https:\/\/static.dev.openconext.local\/media\/conext_logo.png",
                        "height": "96"
                    }],
                    "name": {
                        "en": "Test SP",
                        "nl": "Test SP"
                    }
                },
                "name": "https:\/\/serviceregistry.dev.openconext.local\/simplesaml\/module.php\/saml\/sp\/metadata.php\/default-sp",
                "state": "prodaccepted",
                "type": "saml20-sp"
            }
	    }';

        $input = sprintf($connection, addslashes($acsLocation));
        $input = json_decode($input);

        $this->assembler->assemble($input);
    }

    /**
     *
     * @param string $coinName The name of the coin and used to set the coin in the meta push data
     * @param string $roleType The type of the role and used to set the coin in the meta push data
     * @param string $parameter The name of the parameter used in the coin
     * @param string $type The type of coin data to run possible assertions against see the validCoinValues* helper
     *                     methods below which are used to assert the data after it went through the assembler.
     */
    #[DataProvider('validCoins')]
    public function testCoins($coinName, $roleType, $parameter, $type)
    {
        $connection = '{
            "2d96e27a-76cf-4ca2-ac70-ece5d4c49523": {
                "allow_all_entities": true,
                "allowed_connections": [],
                "metadata": {
                    "coin": {
                        "stepup": {}
                    }
                },
                "name": "https:\/\/role/sp",
                "state": "prodaccepted",
                "type": "saml20-sp"
            }
        }';

        $input = json_decode($connection);
        $input->{"2d96e27a-76cf-4ca2-ac70-ece5d4c49523"}->type = $roleType;

        switch ($type) {
            case 'bool':
                $values = $this->validCoinValuesBool();
                break;
            case 'bool-forceAuthn':
                $values = $this->validCoinValuesBoolForceAuthn();
                break;
            case 'bool-negative':
                $values = $this->validCoinValuesBoolNegative();
                break;
            case 'string':
                $values = $this->validCoinValuesString();
                break;
            case 'string-signature-method':
                $values = $this->validCoinValuesStringSignatureMethod();
                break;
            case 'string-guest-qualifier':
                $values = $this->validCoinValuesStringGuestQualifier();
                break;
            default:
                throw new RuntimeException('Unknown coin type');
        }

        foreach ($values as $assertion) {
            if ($coinName === 'forceauthn') {
                // forceauthn is a stepup coin, situated in an additional json object named: stepup
                $input->{"2d96e27a-76cf-4ca2-ac70-ece5d4c49523"}->metadata->coin->stepup->$coinName = $assertion[0];
            } else {
                $input->{"2d96e27a-76cf-4ca2-ac70-ece5d4c49523"}->metadata->coin->$coinName = $assertion[0];
            }
            $roles = $this->assembler->assemble($input);

            $this->assertSame(
                $assertion[1],
                $roles[0]->getCoins()->{$parameter}(),
                "Invalid coin conversion for {$roleType}:{$coinName}($type) expected '{$assertion[1]}' but encountered '{$roles[0]->getCoins()->{$parameter}()}'"
            );
        }
    }

    public function test_it_assembles_sfo_settings()
    {
        $connection = '{
            "2d96e27a-76cf-4ca2-ac70-ece5d4c49523": {
                "metadata": {
                    "coin": {
                        "stepup": {
                            "allow_no_token": "1",
                            "requireloa": "http://test.openconext.nl/assurance/loa2"
                        }
                    }
                },
                "name": "https:\/\/serviceregistry.dev.openconext.local\/simplesaml\/module.php\/saml\/sp\/metadata.php\/default-sp",
                "state": "prodaccepted",
                "type": "saml20-sp"
            },
            "2d96e27a-76cf-4ca2-ac70-ece5d4c49524": {
                "stepup_connections": [
                    {
                      "name": "https://serviceregistry.test2.openconext.nl/simplesaml/module.php/saml/sp/metadata.php/default-sp",
                      "level": "http://test.openconext.nl/assurance/loa2"
                    },
                    {
                      "name": "http://mock-sp",
                      "level": "http://test.openconext.nl/assurance/loa3"
                    }
                ],
                "name": "https:\/\/serviceregistry.dev.openconext.local\/simplesaml\/module.php\/saml\/sp\/metadata.php\/default-idp",
                "state": "prodaccepted",
                "type": "saml20-idp"
            }
	    }';

        $input = json_decode($connection);

        $connections = $this->assembler->assemble($input);

        /** @var ServiceProvider $sp */
        $sp = $connections[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);
        $this->assertSame(true, $sp->getCoins()->stepupAllowNoToken());
        $this->assertSame('http://test.openconext.nl/assurance/loa2', $sp->getCoins()->stepupRequireLoa());

        /** @var IdentityProvider $idp */
        $idp = $connections[1];
        $this->assertInstanceOf(IdentityProvider::class, $idp);
        $stepupConnections = $idp->getCoins()->stepupConnections();

        $this->assertInstanceOf(StepupConnections::class, $stepupConnections);
        $this->assertTrue($stepupConnections->hasConnections());
        $this->assertSame('http://test.openconext.nl/assurance/loa2', $stepupConnections->getLoa('https://serviceregistry.test2.openconext.nl/simplesaml/module.php/saml/sp/metadata.php/default-sp'));
        $this->assertSame('http://test.openconext.nl/assurance/loa3', $stepupConnections->getLoa('http://mock-sp'));
        $this->assertNull($stepupConnections->getLoa('http://unknown-sp'));
    }

    public function test_it_does_not_assemble_invalid_sfo_settings()
    {
        $connection = '{
            "2d96e27a-76cf-4ca2-ac70-ece5d4c49525": {
                "stepup_connections": [
                    {},
                    {
                      "name2": "http://mock-sp",
                      "level3": "http://test.openconext.nl/assurance/loa3"
                    }
                ],
                "name": "https:\/\/serviceregistry.dev.openconext.local\/simplesaml\/module.php\/saml\/sp\/metadata.php\/default-idp",
                "state": "prodaccepted",
                "type": "saml20-idp"
            }
	    }';

        $input = json_decode($connection);

        $connections = $this->assembler->assemble($input);

        /** @var IdentityProvider $idp */
        $idp = $connections[0];
        $this->assertInstanceOf(IdentityProvider::class, $idp);
        $stepupConnections = $idp->getCoins()->stepupConnections();

        $this->assertInstanceOf(StepupConnections::class, $stepupConnections);
        $this->assertFalse($stepupConnections->hasConnections());
    }

    public function test_it_assembles_mfa_entity_settings()
    {
        $connection = '{
            "2d96e27a-76cf-4ca2-ac70-ece5d4c49524": {
                "mfa_entities": [{
                    "name": "https://teams.dev.openconext.local/shibboleth",
                    "level": "http://schemas.microsoft.com/claims/multipleauthn"
                }, {
                    "name": "https://aa.dev.openconext.local/shibboleth",
                    "level": "http://schemas.microsoft.com/claims/multipleauthn"
                }],
                "name": "https:\/\/serviceregistry.dev.openconext.local\/simplesaml\/module.php\/saml\/sp\/metadata.php\/default-idp",
                "state": "prodaccepted",
                "type": "saml20-idp"
            }
	    }';

        $input = json_decode($connection);

        $connections = $this->assembler->assemble($input);

        /** @var IdentityProvider $idp */
        $idp = $connections[0];
        $this->assertInstanceOf(IdentityProvider::class, $idp);
        $mfaEntities = $idp->getCoins()->mfaEntities();
        $this->assertInstanceOf(MfaEntityCollection::class, $mfaEntities);
        $this->assertCount(2, $mfaEntities);
    }

    public function test_mfa_entity_settings_are_optional()
    {
        $connection = '{
            "2d96e27a-76cf-4ca2-ac70-ece5d4c49524": {
                "name": "https:\/\/serviceregistry.dev.openconext.local\/simplesaml\/module.php\/saml\/sp\/metadata.php\/default-idp",
                "state": "prodaccepted",
                "type": "saml20-idp"
            }
	    }';

        $input = json_decode($connection);

        $connections = $this->assembler->assemble($input);

        /** @var IdentityProvider $idp */
        $idp = $connections[0];
        $this->assertInstanceOf(IdentityProvider::class, $idp);
        $mfaEntities = $idp->getCoins()->mfaEntities();
        $this->assertInstanceOf(MfaEntityCollection::class, $mfaEntities);
        $this->assertCount(0, $mfaEntities);
    }

    public function test_it_assembles_mfa_entity_settings_with_transparent_option()
    {
        $connection = '{
            "2d96e27a-76cf-4ca2-ac70-ece5d4c49524": {
                "mfa_entities": [{
                    "name": "https://teams.dev.openconext.local/shibboleth",
                    "level": "http://schemas.microsoft.com/claims/multipleauthn"
                }, {
                    "name": "https://aa.dev.openconext.local/shibboleth",
                    "level": "http://schemas.microsoft.com/claims/multipleauthn"
                }, {
                    "name": "https://test-sp.dev.openconext.local",
                    "level": "transparent_authn_context"
                }],
                "name": "https:\/\/serviceregistry.dev.openconext.local\/simplesaml\/module.php\/saml\/sp\/metadata.php\/default-idp",
                "state": "prodaccepted",
                "type": "saml20-idp"
            }
	    }';

        $input = json_decode($connection);

        $connections = $this->assembler->assemble($input);

        /** @var IdentityProvider $idp */
        $idp = $connections[0];
        $this->assertInstanceOf(IdentityProvider::class, $idp);
        $mfaEntities = $idp->getCoins()->mfaEntities();
        $this->assertInstanceOf(MfaEntityCollection::class, $mfaEntities);
        $this->assertCount(3, $mfaEntities);
        $transparent = $mfaEntities->findByEntityId('https://test-sp.dev.openconext.local');
        $this->assertInstanceOf(TransparentMfaEntity::class, $transparent);
    }

    public static function invalidAcsLocations()
    {
        return [
            'invalid-scheme' => ['javascript:alert("hello world");'],
            'no-scheme' => ['www.sp.example.com'],
        ];
    }

    public static function validCoins()
    {
        return [
            // SP
            ['no_consent_required', 'saml20-sp', 'isConsentRequired', 'bool-negative'],
            ['transparant_issuer', 'saml20-sp', 'isTransparentIssuer', 'bool'],
            ['trusted_proxy', 'saml20-sp', 'isTrustedProxy', 'bool'],
            ['display_unconnected_idps_wayf', 'saml20-sp', 'displayUnconnectedIdpsWayf', 'bool'],
            ['eula', 'saml20-sp', 'termsOfServiceUrl', 'string'],
            ['do_not_add_attribute_aliases', 'saml20-sp', 'skipDenormalization', 'bool'],
            ['policy_enforcement_decision_required', 'saml20-sp', 'policyEnforcementDecisionRequired', 'bool'],
            ['requesterid_required', 'saml20-sp', 'requesteridRequired', 'bool'],
            ['sign_response', 'saml20-sp', 'signResponse', 'bool'],
            ['forceauthn', 'saml20-sp', 'isStepupForceAuthn', 'bool-forceAuthn'],

            // IDP
            ['guest_qualifier', 'saml20-idp', 'guestQualifier', 'string-guest-qualifier'],
            ['schachomeorganization', 'saml20-idp', 'schacHomeOrganization', 'string'],
            ['policy_enforcement_decision_required', 'saml20-idp', 'policyEnforcementDecisionRequired', 'bool'],
            ['hidden', 'saml20-idp', 'hidden', 'bool'],

            // Abstract
            ['disable_scoping', 'saml20-idp', 'disableScoping', 'bool'],
            ['additional_logging', 'saml20-idp', 'additionalLogging', 'bool'],
            ['signature_method', 'saml20-idp', 'signatureMethod', 'string-signature-method'],
        ];
    }

    /**
     * The first option is the manage coin value, the second is the expected entity coin value after assembling
     * @return array
     */
    private function validCoinValuesBool()
    {
        return [
            [null, false],
            [true, true],
            [false, false],
            ["1", true],
            ["0", false],
            ["-1", true],
        ];
    }

    /**
     * The first option is the manage coin value, the second is the expected entity coin value after assembling
     * @return array
     */
    private function validCoinValuesBoolNegative()
    {
        return [
            [null, true],
            [true, false],
            [false, true],
            ["1", false],
            ["0", true],
            ["-1", false],
        ];
    }

    /**
     * The first option is the manage coin value, the second is the expected entity coin value after assembling
     * @return array
     */
    private function validCoinValuesString()
    {
        return [
            [null, null],
            ["", ""],
            ["string", "string"],
        ];
    }

    /**
     * The first option is the manage coin value, the second is the expected entity coin value after assembling
     * @return array
     */
    private function validCoinValuesStringSignatureMethod()
    {
        return [
            [null, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"],
            ["", ""],
            ["string", "string"],
        ];
    }

    /**
     * The first option is the manage coin value, the second is the expected entity coin value after assembling
     * @return array
     */
    private function validCoinValuesStringGuestQualifier()
    {
        return [
            [null, "All"],
            ["", ""],
            ["string", "string"],
        ];
    }

    private function validCoinValuesBoolForceAuthn()
    {
        return [
            ["1", true],
            ["0", false]
        ];
    }

    public function test_it_assembles_coin_collab_enabled()
    {
        $input = $this->readFixture('metadata_coin_collab.json');
        $connections = $this->assembler->assemble($input->connections);

        /** @var ServiceProvider $sp */
        $sp = $connections[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);

        $this->assertSame('sp coin_collab_true', $sp->nameEn);
        $this->assertSame(true, $sp->getCoins()->collabEnabled());

        /** @var ServiceProvider $sp */
        $sp = $connections[1];
        $this->assertInstanceOf(ServiceProvider::class, $sp);

        $this->assertSame('sp coin_collab_false', $sp->nameEn);
        $this->assertSame(false, $sp->getCoins()->collabEnabled());

        /** @var ServiceProvider $sp */
        $sp = $connections[2];
        $this->assertInstanceOf(ServiceProvider::class, $sp);

        $this->assertSame('sp coin_collab_unset', $sp->nameEn);
        $this->assertSame(false, $sp->getCoins()->collabEnabled());


        /** @var IdentityProvider $idp */
        $idp = $connections[3];
        $this->assertInstanceOf(IdentityProvider::class, $idp);

        $this->assertSame('Dummy IdP', $idp->nameEn);
        $this->assertSame(false, $idp->getCoins()->collabEnabled());
    }


    public function test_it_assembles_idp_details()
    {
        $input = $this->readFixture('metadata_idp_display_data.json');
        $connections = $this->assembler->assemble($input);

        /** @var IdentityProvider $idp */
        $idp = $connections[0];
        $this->assertInstanceOf(IdentityProvider::class, $idp);

        $this->assertSame('Dummy IdP', $idp->nameEn);
        $this->assertSame('Dummy IdP nl', $idp->nameNl);

        $this->assertSame('idp keywords', $idp->keywordsEn);
        $this->assertSame('idp keywords nl', $idp->keywordsNl);
        $this->assertSame('idp keywords', $idp->getMdui()->getKeywords('en'));
        $this->assertSame('idp keywords nl', $idp->getMdui()->getKeywords('nl'));

        $this->assertSame('https://engine.dev.openconext.local/images/logo.png?v=dev', $idp->logo->url);
        $this->assertSame('https://engine.dev.openconext.local/images/logo.png?v=dev', $idp->getMdui()->getLogo()->url);

        $expectedDiscoveryLogo = new Logo('https://engine.dev.openconext.local/images/discovery_logo.png?v=dev');
        $expectedDiscoveryLogo->height = 96;
        $expectedDiscoveryLogo->width = 128;

        $this->assertEquals(
            [
                Discovery::create(
                    ['en' => 'Discovery #1', 'nl' => 'Discovery #1 nl'],
                    ['en' => 'disco keywords, (test)', 'nl' => 'disco keywords, nl'],
                    $expectedDiscoveryLogo
                ),
                Discovery::create(['en' => 'Minimal discovery'], [], null),
            ],
            $idp->getDiscoveries()
        );
    }

    public function test_it_assembles_metadata_without_discoveries_details()
    {
        $input = $this->readFixture('metadata_without_discoveries.json');
        $connections = $this->assembler->assemble($input);

        /** @var IdentityProvider $idp */
        $idp = $connections[0];
        $this->assertInstanceOf(IdentityProvider::class, $idp);

        $this->assertSame('Dummy IdP', $idp->nameEn);
        $this->assertSame('idp keywords', $idp->getMdui()->getKeywords('en'));
        $this->assertSame('https://engine.dev.openconext.local/images/logo.png?v=dev', $idp->logo->url);
    }

    public function test_it_rejects_idp_with_discovery_missing_english_name(): void
    {
        $this->expectException(InvalidDiscoveryException::class);
        $this->expectExceptionMessage('missing a required English name');

        $input = $this->readFixture('metadata_idp_discovery_missing_english.json');
        $this->assembler->assemble($input);
    }

    private function readFixture(string $file): object
    {
        return json_decode(file_get_contents(__DIR__ . '/fixtures/'. basename($file)), false);
    }

    public function test_sp_with_allowed_connections_filters_idps()
    {
        $input = $this->readFixture('metadata_sp_with_allowed_connections.json');

        $roles = $this->assembler->assemble($input);

        /** @var ServiceProvider $sp */
        $sp = $roles[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);
        $this->assertCount(2, $sp->allowedIdpEntityIds);
        $this->assertContains('http://idp1.example.com', $sp->allowedIdpEntityIds);
        $this->assertContains('http://idp2.example.com', $sp->allowedIdpEntityIds);
        $this->assertNotContains('http://idp3.example.com', $sp->allowedIdpEntityIds);
        $this->assertFalse($sp->allowAll);
    }

    public function test_sp_with_allow_all_entities_allows_all_idps()
    {
        $input = $this->readFixture('metadata_sp_allow_all.json');

        $roles = $this->assembler->assemble($input);

        /** @var ServiceProvider $sp */
        $sp = $roles[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);
        $this->assertTrue($sp->allowAll);
    }

    public function test_sp_with_empty_whitelist_has_no_allowed_idps()
    {
        $input = $this->readFixture('metadata_sp_empty_whitelist.json');

        $roles = $this->assembler->assemble($input);

        /** @var ServiceProvider $sp */
        $sp = $roles[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);
        $this->assertIsArray($sp->allowedIdpEntityIds);
        $this->assertCount(0, $sp->allowedIdpEntityIds);
        $this->assertFalse($sp->allowAll);
    }

    public function test_idp_allowed_connections_filters_out_sps_bidirectionally()
    {
        // SP1 has empty allowed_connections (explicitly whitelists nothing)
        // IdP1 and IdP2 both have allow_all_entities = true
        $input = $this->readFixture('metadata_idp_bidirectional.json');

        // ACT - Assemble metadata
        $roles = $this->assembler->assemble($input);

        // Even though IdPs have allow_all, the SP explicitly whitelists nothing
        /** @var ServiceProvider $sp */
        $sp = $roles[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);
        $this->assertIsArray($sp->allowedIdpEntityIds);
        $this->assertCount(0, $sp->allowedIdpEntityIds);
        $this->assertFalse($sp->allowAll);
    }

    public function test_complex_bidirectional_filtering_with_multiple_entities()
    {
        // SP1 whitelists: IdP1, IdP2
        // SP2 has allow_all_entities
        // SP3 whitelists: IdP2, IdP3
        // IdP1 has allow_all_entities
        // IdP2 whitelists: SP1, SP3 (blocks SP2)
        // IdP3 whitelists: SP2 (blocks SP1 and SP3)
        $input = $this->readFixture('metadata_connection_whitelisting.json');

        // ACT - Assemble metadata
        $roles = $this->assembler->assemble($input);

        // ASSERT - Verify complex bidirectional filtering
        /** @var ServiceProvider $sp1 */
        $sp1 = $roles[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp1);
        $this->assertSame('http://sp1.example.com', $sp1->entityId);
        // SP1 whitelists IdP1 and IdP2, both allow SP1
        $this->assertCount(2, $sp1->allowedIdpEntityIds);
        $this->assertContains('http://idp1.example.com', $sp1->allowedIdpEntityIds);
        $this->assertContains('http://idp2.example.com', $sp1->allowedIdpEntityIds);

        /** @var ServiceProvider $sp2 */
        $sp2 = $roles[1];
        $this->assertInstanceOf(ServiceProvider::class, $sp2);
        $this->assertSame('http://sp2.example.com', $sp2->entityId);
        // SP2 has allow_all, but IdP2 blocks SP2 (only allows SP1, SP3)
        // Result: IdP1 (allow_all) and IdP3 (allows SP2) only
        $this->assertCount(2, $sp2->allowedIdpEntityIds);
        $this->assertContains('http://idp1.example.com', $sp2->allowedIdpEntityIds);
        $this->assertContains('http://idp3.example.com', $sp2->allowedIdpEntityIds);
        $this->assertNotContains('http://idp2.example.com', $sp2->allowedIdpEntityIds);

        /** @var ServiceProvider $sp3 */
        $sp3 = $roles[2];
        $this->assertInstanceOf(ServiceProvider::class, $sp3);
        $this->assertSame('http://sp3.example.com', $sp3->entityId);
        // SP3 whitelists IdP2 and IdP3, but IdP3 blocks SP3 (only allows SP2)
        // Result: Only IdP2 remains
        $this->assertCount(1, $sp3->allowedIdpEntityIds);
        $this->assertContains('http://idp2.example.com', $sp3->allowedIdpEntityIds);
        $this->assertNotContains('http://idp3.example.com', $sp3->allowedIdpEntityIds);
    }

    public function test_default_no_configuration_results_in_no_explicit_connections()
    {
        $input = $this->readFixture('metadata_no_connection_config.json');

        $roles = $this->assembler->assemble($input);

        /** @var ServiceProvider $sp */
        $sp = $roles[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);
        // When no configuration is provided, allowedIdpEntityIds should be null
        $this->assertNull($sp->allowedIdpEntityIds);
    }

    public function test_it_assembles_arp_with_simple_string_rules()
    {
        $input = $this->readFixture('metadata_arp_simple.json');

        $roles = $this->assembler->assemble($input);

        /** @var ServiceProvider $sp */
        $sp = $roles[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);
        $this->assertNotNull($sp->attributeReleasePolicy);
        $this->assertInstanceOf(AttributeReleasePolicy::class, $sp->attributeReleasePolicy);
        $this->assertTrue($sp->attributeReleasePolicy->hasAttribute('urn:mace:dir:attribute-def:mail'));
        $this->assertTrue($sp->attributeReleasePolicy->hasAttribute('urn:mace:dir:attribute-def:eduPersonPrincipalName'));
        $this->assertFalse($sp->attributeReleasePolicy->hasAttribute('urn:mace:dir:attribute-def:cn'));
    }

    public function test_it_assembles_arp_with_complex_object_rules()
    {
        $input = $this->readFixture('metadata_arp_complex.json');

        $roles = $this->assembler->assemble($input);

        /** @var ServiceProvider $sp */
        $sp = $roles[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);
        $this->assertNotNull($sp->attributeReleasePolicy);
        $this->assertInstanceOf(AttributeReleasePolicy::class, $sp->attributeReleasePolicy);

        // Check attributes exist
        $this->assertTrue($sp->attributeReleasePolicy->hasAttribute('urn:mace:dir:attribute-def:mail'));
        $this->assertTrue($sp->attributeReleasePolicy->hasAttribute('urn:mace:dir:attribute-def:eduPersonPrincipalName'));

        // Check source
        $this->assertSame('idp', $sp->attributeReleasePolicy->getSource('urn:mace:dir:attribute-def:mail'));
        $this->assertSame('voot', $sp->attributeReleasePolicy->getSource('urn:mace:dir:attribute-def:eduPersonPrincipalName'));

        // Check motivation
        $this->assertSame('Email is required for user identification', $sp->attributeReleasePolicy->getMotivation('urn:mace:dir:attribute-def:mail'));
        $this->assertSame('ePPN is used as NameID', $sp->attributeReleasePolicy->getMotivation('urn:mace:dir:attribute-def:eduPersonPrincipalName'));

        // Check NameID substitute (release_as with use_as_nameid)
        $this->assertSame('urn:mace:dir:attribute-def:uid', $sp->attributeReleasePolicy->findNameIdSubstitute());
    }

    public function test_arp_attributes_missing_returns_no_policy()
    {
        $input = $this->readFixture('metadata_no_arp.json');

        $roles = $this->assembler->assemble($input);

        /** @var ServiceProvider $sp */
        $sp = $roles[0];
        $this->assertInstanceOf(ServiceProvider::class, $sp);
        $this->assertNull($sp->attributeReleasePolicy);
    }

    public function test_it_assembles_multiple_certificates()
    {
        $input = $this->readFixture('metadata_multiple_certificates.json');

        $roles = $this->assembler->assemble($input);

        /** @var IdentityProvider $idp */
        $idp = $roles[0];
        $this->assertInstanceOf(IdentityProvider::class, $idp);
        $this->assertIsArray($idp->certificates);
        $this->assertCount(3, $idp->certificates);
        foreach ($idp->certificates as $certificate) {
            $this->assertInstanceOf(X509CertificateLazyProxy::class, $certificate);
        }
    }

    public function test_it_accepts_valid_manipulation_code()
    {
        $input = $this->buildConnectionInput('http://sp.example.com', 'saml20-sp', '$attributes["foo"] = ["bar"];');

        $roles = $this->assembler->assemble($input);

        $this->assertCount(1, $roles);
        $this->assertInstanceOf(ServiceProvider::class, $roles[0]);
    }

    public function test_it_accepts_complex_valid_manipulation_code()
    {
        $code = <<<'PHP'
if (isset($attributes['urn:mace:dir:attribute-def:mail'])) {
    $mail = $attributes['urn:mace:dir:attribute-def:mail'][0] ?? '';
    if (str_ends_with($mail, '@example.com')) {
        $attributes['urn:mace:dir:attribute-def:isMemberOf'][] = 'urn:example:group:staff';
    }
}

foreach ($attributes as $name => $values) {
    $attributes[$name] = array_values(
        array_unique(array_filter($values, fn(string $v): bool => $v !== ''))
    );
}

$attributes['custom:generated'] = [hash('sha256', $attributes['urn:mace:dir:attribute-def:uid'][0] ?? '')];
PHP;

        $input = $this->buildConnectionInput('http://sp.example.com', 'saml20-sp', $code);

        $roles = $this->assembler->assemble($input);

        $this->assertCount(1, $roles);
        $this->assertInstanceOf(ServiceProvider::class, $roles[0]);
    }

    public function test_it_accepts_empty_string_manipulation_code()
    {
        $input = $this->buildConnectionInput('http://sp.example.com', 'saml20-sp', '');

        $roles = $this->assembler->assemble($input);

        $this->assertCount(1, $roles);
        $this->assertInstanceOf(ServiceProvider::class, $roles[0]);
    }

    public function test_it_accepts_missing_manipulation_code()
    {
        $input = $this->buildConnectionInput('http://sp.example.com', 'saml20-sp', '');
        $entityId = 'http://sp.example.com';
        unset($input->$entityId->manipulation_code);

        $roles = $this->assembler->assemble($input);

        $this->assertCount(1, $roles);
        $this->assertInstanceOf(ServiceProvider::class, $roles[0]);
    }

    public function test_it_rejects_manipulation_code_with_syntax_error()
    {
        $this->expectException(RuntimeException::class);
        $this->expectExceptionMessageMatches('/Attribute manipulation code for entity "http:\/\/sp\.example\.com" contains a syntax error/');

        $input = $this->buildConnectionInput('http://sp.example.com', 'saml20-sp', '$attributes["foo"] = ["bar"');

        $this->assembler->assemble($input);
    }

    public function test_it_rejects_idp_manipulation_code_with_syntax_error()
    {
        $this->expectException(RuntimeException::class);
        $this->expectExceptionMessageMatches('/Attribute manipulation code for entity "http:\/\/idp\.example\.com" contains a syntax error/');

        $input = $this->buildConnectionInput('http://idp.example.com', 'saml20-idp', 'if ($foo {');

        $this->assembler->assemble($input);
    }

    private function buildConnectionInput(string $entityId, string $type, string $manipulationCode): stdClass
    {
        $connection = new stdClass();
        $entity = new stdClass();
        $entity->allow_all_entities = true;
        $entity->allowed_connections = [];
        $entity->metadata = new stdClass();
        $entity->name = $entityId;
        $entity->state = 'prodaccepted';
        $entity->type = $type;
        $entity->manipulation_code = $manipulationCode;

        if ($type === 'saml20-sp') {
            $acs = new stdClass();
            $acs->Binding = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
            $acs->Location = 'https://sp.example.com/acs';
            $entity->metadata->AssertionConsumerService = [$acs];
        } else {
            $sso = new stdClass();
            $sso->Binding = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
            $sso->Location = 'https://idp.example.com/sso';
            $entity->metadata->SingleSignOnService = [$sso];
        }

        $connection->{$entityId} = $entity;
        return $connection;
    }
}
