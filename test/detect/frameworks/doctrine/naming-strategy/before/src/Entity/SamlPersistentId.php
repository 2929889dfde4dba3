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

namespace OpenConext\EngineBlockBundle\Authentication\Entity;

use Doctrine\DBAL\Types\Types;
use Doctrine\ORM\Mapping as ORM;
use OpenConext\EngineBlockBundle\Authentication\Repository\SamlPersistentIdRepository;

#[ORM\Entity(repositoryClass: SamlPersistentIdRepository::class)]
#[ORM\Index(columns: ['user_uuid', 'service_provider_uuid'], name: 'user_uuid')]
class SamlPersistentId
{
    /**
     * @var string
     */
    #[ORM\Id]
    #[ORM\Column(type: Types::STRING, length: 40, options: ['fixed' => true, 'comment' => 'SHA1 of service_provider_uuid + user_uuid'])]
    public ?string $persistentId = null;

    /**
     * @var string
     */
    #[ORM\Column(type: Types::STRING, length: 36, options: ['fixed' => true])]
    public ?string $userUuid = null;

    /**
     * @var string
     */
    #[ORM\Column(type: Types::STRING, length: 36, options: ['fixed' => true])]
    public ?string $serviceProviderUuid = null;
}
