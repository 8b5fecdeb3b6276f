package io.kinesisworkbook.emulator.iam;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsResponse;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Operations;
import io.kinesisworkbook.emulator.http.QueryService;
import java.util.Set;

/**
 * AWS Identity and Access Management, as far as the workbook's AWS path uses it: roles with inline
 * policies and tags (the roles Lambda and Firehose act as, and clean-aws's listing and deleting).
 * IAM speaks the query protocol only ({@code Action=CreateRole&Version=2010-05-08}, signed for
 * {@code iam}), and is global: one set of roles whatever region a request is signed for.
 */
public final class IamService implements QueryService {

    private final Operations operations = new Operations("IAM");

    public IamService(EmulatorOptions options) {
        RoleOperations roles = new RoleOperations(options);
        operations.structure("CreateRole", roles::createRole);
        operations.structure("GetRole", roles::getRole);
        operations.structure("ListRoles", roles::listRoles);
        operations.structure("DeleteRole", roles::deleteRole);
        operations.structure("PutRolePolicy", roles::putRolePolicy);
        operations.structure("GetRolePolicy", roles::getRolePolicy);
        operations.structure("ListRolePolicies", roles::listRolePolicies);
        operations.structure("DeleteRolePolicy", roles::deleteRolePolicy);
        operations.structure("TagRole", roles::tagRole);
        operations.structure("UntagRole", roles::untagRole);
        operations.structure("ListRoleTags", roles::listRoleTags);
    }

    /** The operations this emulator answers, for its documentation and tests. */
    public Set<String> operations() {
        return operations.names();
    }

    @Override
    public String name() {
        return "iam";
    }

    @Override
    public String signingName() {
        return "iam";
    }

    @Override
    public String queryApiVersion() {
        return "2010-05-08";
    }

    @Override
    public String xmlNamespace() {
        return "https://iam.amazonaws.com/doc/2010-05-08/";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        if (!operations.names().contains(request.operation())) {
            throw AwsServiceException.invalidAction(request.operation());
        }
        return operations.call(request);
    }
}
