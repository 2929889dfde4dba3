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

namespace OpenConext\EngineBlockBundle\Authentication\Repository;

use DateTime;
use Doctrine\Bundle\DoctrineBundle\Repository\ServiceEntityRepository;
use Doctrine\DBAL\Connection as DbalConnection;
use Doctrine\DBAL\Exception;
use Doctrine\Persistence\ManagerRegistry;
use OpenConext\EngineBlock\Authentication\Model\Consent;
use OpenConext\EngineBlock\Authentication\Repository\ConsentRepository;
use OpenConext\EngineBlock\Authentication\Value\ConsentHashQuery;
use OpenConext\EngineBlock\Authentication\Value\ConsentStoreParameters;
use OpenConext\EngineBlock\Authentication\Value\ConsentType;
use OpenConext\EngineBlock\Authentication\Value\ConsentUpdateParameters;
use OpenConext\EngineBlock\Authentication\Value\ConsentVersion;
use OpenConext\EngineBlock\Exception\RuntimeException;
use Psr\Log\LoggerInterface;
use function sha1;

/**
 * @extends \Doctrine\Bundle\DoctrineBundle\Repository\ServiceEntityRepository<\OpenConext\EngineBlock\Authentication\Model\Consent>
 */
final class DbalConsentRepository extends ServiceEntityRepository implements ConsentRepository
{
    /**
     * @var DbalConnection
     */
    private $connection;

    /**
     * @var LoggerInterface
     */
    private $logger;

    public function __construct(ManagerRegistry $registry, LoggerInterface $logger)
    {
        parent::__construct($registry, Consent::class);

        $this->connection = $registry->getConnection();
        $this->logger = $logger;
    }

    /**
     * @param string $userId
     *
     * @return Consent[]
     *
     * @throws RuntimeException
     */
    public function findAllFor($userId)
    {
        // deleted_at IS NULL matches active records whose deleted_at is '0000-00-00 00:00:00'.
        // See Consent::$deletedAt for full context.
        $sql = '
            SELECT
                service_id
            ,   consent_date
            ,   consent_type
            ,   attribute
            ,   attribute_stable
            FROM
                consent
            WHERE
                hashed_user_id=:hashed_user_id
            AND
                deleted_at IS NULL
        ';

        try {
            $statement = $this->connection->executeQuery($sql, ['hashed_user_id' => sha1($userId)]);
            $rows = $statement->fetchAllAssociative();
        } catch (Exception $exception) {
            throw new RuntimeException('Could not fetch user consents from the database', 0, $exception);
        }

        return array_map(
            function (array $row) use ($userId) {
                return new Consent(
                    $userId,
                    $row['service_id'],
                    new DateTime($row['consent_date']),
                    ConsentType::from($row['consent_type']),
                    $row['attribute_stable'] ?? $row['attribute']
                );
            },
            $rows
        );
    }

    /**
     * @param string $userId
     *
     * @throws RuntimeException
     */
    public function deleteAllFor($userId)
    {
        $sql = 'DELETE FROM consent WHERE hashed_user_id = :hashed_user_id';

        try {
            $this->connection->executeQuery($sql, ['hashed_user_id' => sha1($userId)]);
            $this->logger->notice(sprintf('Removed consent for hashed user id %s (%s)', sha1($userId), $userId));
        } catch (Exception $exception) {
            throw new RuntimeException(
                sprintf(
                    'Could not delete user consents from the database for user %s',
                    $userId
                ),
                0,
                $exception
            );
        }
    }

    /**
     * @throws RuntimeException
     */
    public function deleteOneFor(string $userId, string $serviceProviderEntityId): bool
    {
        // deleted_at IS NULL matches active records. See Consent::$deletedAt for full context.
        $sql = '
            UPDATE
                consent
            SET
                deleted_at = NOW()
            WHERE
                hashed_user_id = :hashed_user_id
            AND
                service_id = :service_id
            AND
                deleted_at IS NULL
        ';
        try {
            $result = $this->connection->executeQuery(
                $sql,
                [
                    'hashed_user_id' => sha1($userId),
                    'service_id' => $serviceProviderEntityId
                ]
            );
            $this->logger->info(
                sprintf(
                    'Removed (soft delete) consent for hashed user id %s (%s), for service %s',
                    sha1($userId),
                    $userId,
                    $serviceProviderEntityId
                )
            );

            return $result->rowCount() > 0;
        } catch (Exception $exception) {
            throw new RuntimeException(
                sprintf(
                    'Could not delete user %s consent from the database for a specific SP %s',
                    $userId,
                    $serviceProviderEntityId
                ),
                0,
                $exception
            );
        }
    }

    /**
     * @throws RuntimeException
     */
    public function hasConsentHash(ConsentHashQuery $query): ConsentVersion
    {
        try {
            $sql = " SELECT
                            attribute_stable
                        FROM
                            consent
                        WHERE
                            hashed_user_id = ?
                        AND
                            service_id = ?
                        AND
                            (attribute = ? OR attribute_stable = ?)
                        AND
                            consent_type = ?
                        AND
                            deleted_at IS NULL
            ";

            $rows = $this->connection->executeQuery($sql, [
                $query->hashedUserId,
                $query->serviceId,
                $query->attributeHash,
                $query->attributeStableHash,
                $query->consentType,
            ])->fetchAllAssociative();

            if (count($rows) < 1) {
                // No stored consent found
                return ConsentVersion::NotGiven;
            }

            if (!empty($rows[0]['attribute_stable'])) {
                return ConsentVersion::Stable;
            }
            return ConsentVersion::Unstable;
        } catch (Exception $e) {
            throw new RuntimeException(sprintf('Consent retrieval failed! Error: "%s"', $e->getMessage()));
        }
    }

    /**
     * @throws RuntimeException
     */
    public function storeConsentHash(ConsentStoreParameters $parameters): bool
    {
        if ($parameters->attributeHash !== null) {
            $query = "INSERT INTO consent (hashed_user_id, service_id, attribute, attribute_stable, consent_type, consent_date, deleted_at)
                      VALUES (?, ?, ?, ?, ?, NOW(), '0000-00-00 00:00:00')
                      ON DUPLICATE KEY UPDATE attribute=VALUES(attribute), attribute_stable=VALUES(attribute_stable),
                      consent_type=VALUES(consent_type), consent_date=NOW(), deleted_at='0000-00-00 00:00:00'";
            $bindings = [
                $parameters->hashedUserId,
                $parameters->serviceId,
                $parameters->attributeHash,
                $parameters->attributeStableHash,
                $parameters->consentType,
            ];
        } else {
            $query = "INSERT INTO consent (hashed_user_id, service_id, attribute_stable, consent_type, consent_date, deleted_at)
                      VALUES (?, ?, ?, ?, NOW(), '0000-00-00 00:00:00')
                      ON DUPLICATE KEY UPDATE attribute_stable=VALUES(attribute_stable),
                      consent_type=VALUES(consent_type), consent_date=NOW(), deleted_at='0000-00-00 00:00:00'";
            $bindings = [
                $parameters->hashedUserId,
                $parameters->serviceId,
                $parameters->attributeStableHash,
                $parameters->consentType,
            ];
        }

        try {
            $this->connection->executeStatement($query, $bindings);
        } catch (Exception $e) {
            throw new RuntimeException(
                sprintf('Error storing consent: "%s"', $e->getMessage())
            );
        }

        return true;
    }

    /**
     * @throws RuntimeException
     */
    public function updateConsentHash(ConsentUpdateParameters $parameters): bool
    {
        if ($parameters->clearLegacyHash) {
            $query = "
                UPDATE
                    consent
                SET
                    attribute_stable = ?,
                    attribute = NULL
                WHERE
                    attribute = ?
                AND
                    hashed_user_id = ?
                AND
                    service_id = ?
                AND
                    consent_type = ?
                AND
                    deleted_at IS NULL
            ";
        } else {
            $query = "
                UPDATE
                    consent
                SET
                    attribute_stable = ?
                WHERE
                    attribute = ?
                AND
                    hashed_user_id = ?
                AND
                    service_id = ?
                AND
                    consent_type = ?
                AND
                    deleted_at IS NULL
            ";
        }

        try {
            $affected = $this->connection->executeStatement($query, [
                $parameters->attributeStableHash,
                $parameters->attributeHash,
                $parameters->hashedUserId,
                $parameters->serviceId,
                $parameters->consentType,
            ]);
        } catch (Exception $e) {
            throw new RuntimeException(
                sprintf('Error storing updated consent: "%s"', $e->getMessage())
            );
        }

        if ($affected === 0) {
            $this->logger->warning(
                sprintf(
                    'Could not upgrade unstable consent hash for user "%s" and service "%s": no matching row found. ' .
                    'The user\'s attributes may have changed since consent was given.',
                    $parameters->hashedUserId,
                    $parameters->serviceId
                )
            );
            return false;
        }

        return true;
    }

    /**
     * @throws RuntimeException
     */
    public function countTotalConsent(string $consentUid): int
    {
        $query = "SELECT COUNT(*) FROM consent where hashed_user_id = ? AND deleted_at IS NULL";
        $parameters = [sha1($consentUid)];

        try {
            return (int) $this->connection->executeQuery($query, $parameters)->fetchOne();
        } catch (Exception $e) {
            throw new RuntimeException(
                sprintf('Error counting consent: "%s"', $e->getMessage())
            );
        }
    }
}
